namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>The authenticator to bind: the key to type, and the same as a QR code.</summary>
/// <param name="Link">The same otpauth:// address as the code, as a link: a phone cannot scan its own screen.</param>
public sealed record AuthenticatorSetup(string Key, string FormattedKey, string QrCodeDataUri, string Link);
