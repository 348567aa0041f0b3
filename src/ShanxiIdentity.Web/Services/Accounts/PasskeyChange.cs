namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A step of 我的账号 › 通行密钥: refused (the field and why), or done, with the browser's ceremony options when one follows.</summary>
public sealed record PasskeyChange(string? Field, string? Message, string? OptionsJson = null)
{
    public bool Succeeded => Message is null;

    public static PasskeyChange Done(string? optionsJson = null) => new(null, null, optionsJson);
}
