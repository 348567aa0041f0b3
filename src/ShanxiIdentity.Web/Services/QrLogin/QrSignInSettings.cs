namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>
/// 扫码登录's settings (section <c>QrSignIn</c>). There is no geo-IP service on the government
/// network: the phone shows the place of the desktop's address from this table, else 未知地区.
/// </summary>
public sealed class QrSignInSettings
{
    public const string Section = "QrSignIn";

    public List<QrPlaceRange> Places { get; init; } = [];
}
