namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>How the outbox worker delivers (<c>Sms:Delivery</c>); the defaults suit a production gateway.</summary>
public sealed class SmsDeliveryOptions
{
    public const string Section = "Sms:Delivery";

    /// <summary>How often an instance looks for messages other instances wrote (its own wake it at once).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a claim lasts: an instance that stops mid-batch leaves its messages to others after it.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(2);

    public int BatchSize { get; set; } = 20;

    /// <summary>Quick retries within one try, for a blip (the wait doubles from <see cref="QuickRetryDelay"/>).</summary>
    public int QuickRetries { get; set; } = 2;

    public TimeSpan QuickRetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>One call to the gateway, at most.</summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The wait after a failed try, doubled after each further failure up to <see cref="LongestWait"/>.</summary>
    public TimeSpan FirstWait { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan LongestWait { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one try can take (every call timing out, with the waits between): a claim must outlast it.</summary>
    public TimeSpan TryBudget => (CallTimeout * (QuickRetries + 1)) + (QuickRetryDelay * ((1 << QuickRetries) * 2));
}
