namespace ShanxiIdentity.Domain.Counter;

/// <summary>
/// What the counter accepts as a scan: PDF, JPEG or PNG by content (a renamed file is refused
/// whatever its name says), not empty, at most <see cref="MaxBytes"/>, and without active
/// content: a PDF with scripts, automatic actions, launched or embedded files, rich media or XFA
/// forms is refused, and so is an image with anything after its end (EOI / IEND) or with HTML or
/// script markup anywhere in it — refused rather than stripped, so what is archived is exactly
/// what was scanned (ADR 0009).
/// </summary>
public static class ScanFile
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];

    public static ScanFormat? Detect(ReadOnlySpan<byte> content) =>
        content.StartsWith(PdfMagic) ? ScanFormat.Pdf
        : content.StartsWith(PngMagic) ? ScanFormat.Png
        : content.StartsWith(JpegMagic) ? ScanFormat.Jpeg
        : null;

    /// <summary>Null when the content may be archived; otherwise why not.</summary>
    public static string? Refusal(ReadOnlySpan<byte> content) =>
        content.IsEmpty ? CounterMessages.ScanEmpty
        : content.Length > MaxBytes ? CounterMessages.ScanTooLarge
        : Detect(content) switch
        {
            null => CounterMessages.ScanWrongType,
            ScanFormat.Pdf => ScanActiveContent.PdfRefusal(content),
            ScanFormat.Png => ScanActiveContent.PngRefusal(content),
            _ => ScanActiveContent.JpegRefusal(content),
        };

    public static string ContentType(this ScanFormat format) => format switch
    {
        ScanFormat.Pdf => "application/pdf",
        ScanFormat.Jpeg => "image/jpeg",
        ScanFormat.Png => "image/png",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    public static string Extension(this ScanFormat format) => format switch
    {
        ScanFormat.Pdf => ".pdf",
        ScanFormat.Jpeg => ".jpg",
        ScanFormat.Png => ".png",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
