namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>A new code: its public id (in the QR) and the secret only the desktop keeps (its cookie).</summary>
public sealed record QrSignInCreated(string PublicId, string Secret, DateTime ExpiresAt);
