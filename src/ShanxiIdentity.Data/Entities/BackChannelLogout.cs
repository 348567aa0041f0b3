namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// One OpenID Connect back-channel logout to deliver to a client system: queued in the same save as
/// what ended the sign-in (退出, a password reset, consent withdrawn, the account closed), delivered
/// by the worker (a signed logout token is made at each try), retried with a doubling wait and given
/// up after a number of tries. An instance claims a row with a lease before sending, as the SMS outbox.
/// </summary>
public class BackChannelLogout
{
    public long Id { get; set; }

    /// <summary>The client system's id (OpenIddict's client_id), the logout token's audience.</summary>
    public required string ClientId { get; set; }

    /// <summary>The person as this client knows them: its pairwise (or public) <c>sub</c>.</summary>
    public required string Subject { get; set; }

    /// <summary>The client's <c>sid</c> of the ended portal session; null when every session of the person ends.</summary>
    public string? SessionId { get; set; }

    /// <summary>What ended the sign-in (sign-out, password-reset, consent-withdrawn…), for administrators.</summary>
    public required string Reason { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>When the next try is due; null once delivered or given up.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public int FailedAttempts { get; set; }

    public string? ClaimedBy { get; set; }

    public DateTime? LeaseUntil { get; set; }

    public DateTime? DeliveredAt { get; set; }

    /// <summary>Set when the client never accepted it after every try: shown on the client's page in 接入系统.</summary>
    public DateTime? GaveUpAt { get; set; }

    public string? DeliveryError { get; set; }

    public static BackChannelLogout Queue(string clientId, string subject, string? sessionId, string reason, DateTime now) =>
        new() { ClientId = clientId, Subject = subject, SessionId = sessionId, Reason = reason, CreatedAt = now, NextAttemptAt = now };

    public void Delivered(DateTime now)
    {
        DeliveredAt = now;
        DeliveryError = null;
        Close();
    }

    /// <summary>A try failed: the next waits twice as long as the last, up to <paramref name="longestWait"/>; after <paramref name="maxAttempts"/> tries it is given up.</summary>
    public void Failed(DateTime now, string error, TimeSpan firstWait, TimeSpan longestWait, int maxAttempts)
    {
        FailedAttempts++;
        DeliveryError = error.Length <= 500 ? error : error[..500];
        if (FailedAttempts >= maxAttempts)
        {
            GaveUpAt = now;
            Close();
            return;
        }

        NextAttemptAt = now + TimeSpan.FromTicks(Math.Min(longestWait.Ticks, firstWait.Ticks * (1L << Math.Min(FailedAttempts - 1, 20))));
        Release();
    }

    public void Release()
    {
        ClaimedBy = null;
        LeaseUntil = null;
    }

    private void Close()
    {
        NextAttemptAt = null;
        Release();
    }
}
