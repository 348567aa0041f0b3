namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>One item of a request's checklist: checked or not, and its scan if archived.</summary>
public sealed record MaterialRow(int Position, string Description, bool CheckedAgainstOriginal, string? ScanFileName, long ScanLength)
{
    public bool Scanned => ScanFileName is not null;

    public long ScanKilobytes => (ScanLength / 1024) + 1;
}
