namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 图形验证码 that have been checked, right or wrong: a captcha answers once. The challenge itself
/// travels in the form, protected by Data Protection; only its use is written down, and only until
/// it would have expired anyway.
/// </summary>
public class SpentCaptcha
{
    public Guid Id { get; set; }

    public DateTime ExpiresAt { get; set; }
}
