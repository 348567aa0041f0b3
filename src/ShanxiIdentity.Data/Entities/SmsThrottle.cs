namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// One row per phone: when a code was last sent. Updated with optimistic concurrency, so
/// concurrent sends to one phone cannot both pass the limits (the daily limit counts the codes).
/// </summary>
public class SmsThrottle
{
    public required string Phone { get; set; }

    public DateTime LastSentAt { get; set; }

    public Guid Version { get; set; }
}
