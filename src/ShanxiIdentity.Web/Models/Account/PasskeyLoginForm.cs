namespace ShanxiIdentity.Web.Models.Account;

/// <summary>使用通行密钥登录: the browser's assertion (<c>credential.toJSON()</c>, serialised) and where to go next.</summary>
public sealed class PasskeyLoginForm
{
    public string? Credential { get; set; }

    public string? ReturnUrl { get; set; }
}
