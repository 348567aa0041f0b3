using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A passkey sign-in: signed in, or refused with why. <paramref name="Gate"/> marks a refusal by
/// <see cref="LoginGate"/> (the counter hint follows it, as after a password).
/// </summary>
public sealed record PasskeySignInResult(bool SignedIn, string? Message = null, bool Gate = false, Account? Account = null);
