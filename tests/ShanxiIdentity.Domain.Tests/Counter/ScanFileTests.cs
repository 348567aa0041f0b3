using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Tests.Counter;

public sealed class ScanFileTests
{
    [Fact]
    public void Pdf_jpeg_and_png_are_told_apart_by_their_first_bytes()
    {
        Assert.Equal(ScanFormat.Pdf, ScanFile.Detect("%PDF-1.7\n"u8));
        Assert.Equal(ScanFormat.Jpeg, ScanFile.Detect([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]));
        Assert.Equal(ScanFormat.Png, ScanFile.Detect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
    }

    [Theory]
    [InlineData("MZ")] // a Windows executable
    [InlineData("PK")] // a zip, or an Office file
    [InlineData("GIF89a")]
    [InlineData("<svg xmlns=")]
    [InlineData(" %PDF-1.4")] // not at the start
    [InlineData("%PD")] // cut short
    public void Anything_else_is_the_wrong_type(string start) =>
        Assert.Equal(CounterMessages.ScanWrongType, ScanFile.Refusal(Encoding.ASCII.GetBytes(start)));

    [Fact]
    public void Empty_and_oversize_content_is_refused_and_the_limit_itself_is_accepted()
    {
        var atLimit = new byte[ScanFile.MaxBytes];
        "%PDF-"u8.CopyTo(atLimit);
        var over = new byte[ScanFile.MaxBytes + 1];
        "%PDF-"u8.CopyTo(over);

        Assert.Equal(CounterMessages.ScanEmpty, ScanFile.Refusal([]));
        Assert.Null(ScanFile.Refusal(atLimit));
        Assert.Equal(CounterMessages.ScanTooLarge, ScanFile.Refusal(over));
    }

    [Property(MaxTest = 1000)]
    public Property Any_bytes_get_a_verdict_and_only_the_three_formats_pass(byte[] content) =>
        (ScanFile.Refusal(content) is not null || (content.Length > 0 && ScanFile.Detect(content) is not null)).ToProperty();

    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    /// <summary>SOI, an APP0 segment, a scan header and two bytes of coded data (with a stuffed FF 00 and a restart marker), EOI.</summary>
    private static readonly byte[] Jpeg =
    [
        0xFF, 0xD8,
        0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00,
        0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00,
        0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56,
        0xFF, 0xD9,
    ];

    private static byte[] Pdf(string body) => Encoding.Latin1.GetBytes($"%PDF-1.7\n1 0 obj\n{body}\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public void Plain_pdf_png_and_jpeg_scans_pass()
    {
        Assert.Null(ScanFile.Refusal(Pdf("<< /Type /Catalog /Pages 2 0 R /AAPL:Keywords [] >>")));
        Assert.Null(ScanFile.Refusal(Png));
        Assert.Null(ScanFile.Refusal(Jpeg));
    }

    [Theory]
    [InlineData("<< /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>")]
    [InlineData("<< /S /JavaScript /JS 5 0 R >>")]
    [InlineData("<< /Type /Annot /AA << /E 3 0 R >> >>")]
    [InlineData("<< /S /Launch /F (cmd.exe) >>")]
    [InlineData("<< /Names << /EmbeddedFiles 4 0 R >> >>")]
    [InlineData("<< /Type /EmbeddedFile >>")]
    [InlineData("<< /Subtype /RichMedia >>")]
    [InlineData("<< /AcroForm << /XFA 6 0 R >> >>")]
    [InlineData("<< /S /J#61vaScript /J#53 (x) >>")] // names spelled with #xx escapes
    public void A_pdf_with_scripts_actions_or_embedded_files_is_refused(string dictionary) =>
        Assert.Equal(CounterMessages.ScanActiveContent, ScanFile.Refusal(Pdf(dictionary)));

    [Fact]
    public void A_pdf_hiding_javascript_in_a_compressed_object_stream_is_refused()
    {
        using var packed = new MemoryStream();
        using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write("5 0 << /S /JavaScript /JS (app.alert(1)) >>"u8);
        }

        var head = Encoding.Latin1.GetBytes($"%PDF-1.7\n5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {packed.Length} >>\nstream\n");
        byte[] pdf = [.. head, .. packed.ToArray(), .. "\nendstream\nendobj\n%%EOF\n"u8];

        Assert.Equal(CounterMessages.ScanActiveContent, ScanFile.Refusal(pdf));
    }

    [Fact]
    public void An_image_with_anything_after_its_end_is_refused()
    {
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();

        Assert.Equal(CounterMessages.ScanTrailingData, ScanFile.Refusal([.. Png, .. html]));
        Assert.Equal(CounterMessages.ScanTrailingData, ScanFile.Refusal([.. Jpeg, .. html]));
        Assert.Equal(CounterMessages.ScanTrailingData, ScanFile.Refusal([.. Jpeg, .. html, 0xFF, 0xD9])); // a second EOI at the end does not help
        Assert.Equal(CounterMessages.ScanTrailingData, ScanFile.Refusal(Png.AsSpan(0, Png.Length - 12))); // no IEND
        Assert.Equal(CounterMessages.ScanTrailingData, ScanFile.Refusal(Jpeg.AsSpan(0, Jpeg.Length - 2))); // no EOI
    }

    [Fact]
    public void An_image_with_html_or_script_inside_is_refused()
    {
        // A JPEG comment segment holding a script, well-formed otherwise.
        var script = "<script>alert(1)</script>"u8.ToArray();
        byte[] comment = [0xFF, 0xFE, 0x00, (byte)(script.Length + 2), .. script];
        byte[] jpeg = [.. Jpeg[..20], .. comment, .. Jpeg[20..]];

        Assert.Equal(CounterMessages.ScanMarkup, ScanFile.Refusal(jpeg));
    }
}
