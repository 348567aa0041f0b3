namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// The SMS outbox: every message the portal sends is written here first, in the same save as the
/// change that causes it, and delivered by the outbox worker (retried until it is delivered, or
/// given up once it would arrive too late to be of use). An instance claims a row with a lease
/// before sending it, so two instances never send one message.
/// </summary>
public class SmsMessage
{
    public long Id { get; set; }

    public required string Phone { get; set; }

    /// <summary>Encrypted (a code is a secret until it is used), and cleared once the message is delivered or given up.</summary>
    public string? Text { get; set; }

    /// <summary>Why it was sent (registration, password reset…), for send limits and support.</summary>
    public required string Purpose { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next delivery try is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>When the message stops being worth sending (a code's expiry); null: tried until delivered.</summary>
    public DateTime? DiscardAfter { get; set; }

    /// <summary>Delivery tries that failed so far: the next one waits twice as long as the last.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>The claim of the instance sending it now; only the holder of an unexpired lease may send.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Why the last try failed, or why the message was given up.</summary>
    public string? DeliveryError { get; set; }

    /// <summary>A message for the worker, due at once.</summary>
    public static SmsMessage Queue(string phone, string text, string purpose, DateTime now, DateTime? discardAfter) =>
        new() { Phone = phone, Text = text, Purpose = purpose, CreatedAt = now, NextAttemptAt = now, DiscardAfter = discardAfter };

    /// <summary>Sent: nothing more to do, and the text (a code, perhaps) is no longer kept.</summary>
    public void Delivered(DateTime now)
    {
        DeliveredAt = now;
        DeliveryError = null;
        Close();
    }

    /// <summary>
    /// A try failed: the next waits twice as long as the last (from <paramref name="firstWait"/> up to
    /// <paramref name="longestWait"/>), unless it would come after the message stops being worth sending.
    /// </summary>
    public void Failed(DateTime now, string error, TimeSpan firstWait, TimeSpan longestWait)
    {
        FailedAttempts++;
        DeliveryError = Clip(error);
        var wait = TimeSpan.FromTicks(Math.Min(longestWait.Ticks, firstWait.Ticks * (1L << Math.Min(FailedAttempts - 1, 20))));
        if (DiscardAfter is { } discard && now + wait >= discard)
        {
            Expired();
            return;
        }

        NextAttemptAt = now + wait;
        Release();
    }

    /// <summary>Too late to be of use (a code past its lifetime): never sent, and its text not kept.</summary>
    public void Expired()
    {
        DeliveryError = Clip("expired before it could be delivered" + (DeliveryError is { } last ? "; last error: " + last : string.Empty));
        Close();
    }

    /// <summary>Hands the message back unsent, for this or another instance to try again at once.</summary>
    public void Release()
    {
        ClaimedBy = null;
        LeaseUntil = null;
    }

    private static string Clip(string error) => error.Length <= 500 ? error : error[..500];

    private void Close()
    {
        Text = null;
        NextAttemptAt = null;
        Release();
    }
}
