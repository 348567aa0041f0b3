namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// How a session was signed in, as RFC 8176 names it: the sign-in cookie carries one <c>amr</c>
/// claim per method (and the identity token repeats them), so a client system can ask for more.
/// </summary>
public static class AuthenticationMethods
{
    public const string ClaimType = "amr";

    /// <summary>When the person last proved who they are (Unix seconds), for <c>max_age</c> and <c>auth_time</c>.</summary>
    public const string AuthTimeClaimType = "auth_time";

    public const string Password = "pwd";

    /// <summary>A code sent to the reserved phone.</summary>
    public const string Sms = "sms";

    /// <summary>A code from an authenticator app (TOTP).</summary>
    public const string OneTimePassword = "otp";

    /// <summary>A passkey (通行密钥) or another hardware-bound key.</summary>
    public const string HardwareKey = "hwk";

    /// <summary>
    /// Confirmation through another channel (RFC 8176 "mca"): 扫码登录, a phone already signed in to the
    /// portal confirms the desktop's sign-in. One factor for step-up (ADR 0013): never counted as <see cref="MultiFactor"/>.
    /// </summary>
    public const string MultiChannel = "mca";

    /// <summary>More than one factor.</summary>
    public const string MultiFactor = "mfa";
}
