using System.Collections.Concurrent;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// The phone that <see cref="DevelopmentSmsGateway"/> delivers to: it keeps the newest messages, in
/// this process only (as a real phone holds its own), for the development page <c>/dev/sms</c> and
/// the tests. The outbox table keeps no code once it is delivered.
/// </summary>
public sealed class DevelopmentPhone
{
    public const int Kept = 500;

    private readonly ConcurrentQueue<DeliveredSms> _received = new();

    public void Receive(DeliveredSms message)
    {
        _received.Enqueue(message);
        while (_received.Count > Kept && _received.TryDequeue(out _))
        {
            // Only the newest are kept.
        }
    }

    /// <summary>The newest first.</summary>
    public IReadOnlyList<DeliveredSms> Newest(int count) => [.. _received.Reverse().Take(count)];
}
