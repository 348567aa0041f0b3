namespace ShanxiIdentity.Data.Entities;

/// <summary>短信验证码: stored hashed, valid for minutes, voided after too many wrong tries.</summary>
public class SmsCode
{
    public Guid Id { get; set; }

    public required string Phone { get; set; }

    /// <summary>What the code may be used for (registration, password reset…): a code for one purpose never opens another.</summary>
    public required string Purpose { get; set; }

    public required string CodeHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public int FailedAttempts { get; set; }

    /// <summary>Set when the code was used, or voided by too many wrong tries.</summary>
    public DateTime? ConsumedAt { get; set; }
}
