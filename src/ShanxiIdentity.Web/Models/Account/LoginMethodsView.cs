namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The login page's choice of method (密码登录 / 短信验证码登录) for the kind shown, keeping the way back.</summary>
public sealed record LoginMethodsView(bool Legal, bool Sms, string? ReturnUrl)
{
    public string? Kind => Legal ? LoginKinds.Legal : null;
}
