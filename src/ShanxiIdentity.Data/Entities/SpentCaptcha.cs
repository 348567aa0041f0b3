namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 图形验证码 that have been checked, right or wrong: a captcha answers once (and passkey challenges
/// that signed someone in, under an id derived from the challenge: one assertion, one sign-in). The challenge itself
/// travels in the form, protected by Data Protection; only its use is written down, and only until
/// it would have expired anyway.
/// </summary>
public class SpentCaptcha
{
    public Guid Id { get; set; }

    public DateTime ExpiresAt { get; set; }
}
