namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// One row per phone: when a code was last sent and how many today. Updated with optimistic
/// concurrency, so concurrent sends to one phone cannot both pass the limits.
/// </summary>
public class SmsThrottle
{
    public required string Phone { get; set; }

    public DateTime LastSentAt { get; set; }

    /// <summary>The start (UTC) of the China day that <see cref="SentToday"/> counts.</summary>
    public DateTime DayStart { get; set; }

    public int SentToday { get; set; }

    public Guid Version { get; set; }
}
