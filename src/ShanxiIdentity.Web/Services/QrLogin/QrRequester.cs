namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>What the phone is shown about the desktop asking to sign in (QRLjacking: the person sees whose request they confirm).</summary>
public sealed record QrRequester(string Browser, string Place, string MaskedAddress, string At)
{
    /// <summary>The audit row's detail for the confirmation.</summary>
    public string AuditDetail => $"扫码登录 浏览器：{Browser}；地区：{Place}；地址：{MaskedAddress}；时间：{At}";
}
