namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>A change of 两步验证: refused (the field and why), or done, with the recovery codes to show once.</summary>
public sealed record SecondFactorChange(string? Field, string? Message, IReadOnlyList<string>? RecoveryCodes = null)
{
    public bool Succeeded => Message is null;

    public static SecondFactorChange Done(IReadOnlyList<string>? recoveryCodes = null) => new(null, null, recoveryCodes);
}
