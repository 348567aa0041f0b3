namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>The authenticator to bind: the key to type, and the same as a QR code.</summary>
public sealed record AuthenticatorSetup(string Key, string FormattedKey, string QrCodeDataUri);
