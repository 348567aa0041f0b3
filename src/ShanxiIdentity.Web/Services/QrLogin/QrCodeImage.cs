using QRCoder;

namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>The QR code drawn on the server as SVG (no CDN, no script), for an <c>img</c> data URI.</summary>
public static class QrCodeImage
{
    public static string SvgDataUri(string content)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(content, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(6);
        return "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(svg));
    }
}
