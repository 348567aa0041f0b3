namespace ShanxiIdentity.Domain.Counter;

/// <summary>The formats a material scan may have, told apart by their first bytes.</summary>
public enum ScanFormat
{
    Pdf = 1,
    Jpeg = 2,
    Png = 3,
}
