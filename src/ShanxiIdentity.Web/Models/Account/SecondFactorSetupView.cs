using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The 两步验证 page: the method in use (null: off), the authenticator to bind, the reserved phone, recovery codes just made.</summary>
public sealed record SecondFactorSetupView(
    string? Method,
    AuthenticatorSetup? Authenticator,
    string? MaskedPhone,
    SecondFactorSetupForm Form,
    IReadOnlyList<string>? RecoveryCodes = null);
