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
        (ScanFile.Refusal(content) is null == (content.Length > 0 && ScanFile.Detect(content) is not null)).ToProperty();
}
