namespace ShanxiIdentity.Data.Entities;

/// <summary>图形验证码: the answer lives here, hashed, not in a cookie or in process memory.</summary>
public class CaptchaChallenge
{
    public Guid Id { get; set; }

    public required string AnswerHash { get; set; }

    /// <summary>The rendered PNG, so any instance can serve the image without knowing the answer.</summary>
    public required byte[] Image { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>Set when the captcha is checked, right or wrong: a captcha answers once.</summary>
    public DateTime? ConsumedAt { get; set; }
}
