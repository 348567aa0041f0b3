namespace ShanxiIdentity.Web.Guidance;

/// <summary>A piece of a template line: plain text, or a blank with its key and the value to put in it.</summary>
public sealed record TemplateSegment(string Text, string? BlankKey)
{
    public bool IsBlank => BlankKey is not null;
}
