using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// The network between a test portal's development SMS gateway and its phone: a test takes it down
/// (for a number of sends, or until it is brought back) and slows it, as a real gateway's outage would.
/// </summary>
public sealed class SmsNetwork
{
    private readonly Lock _gate = new();
    private int _failuresLeft;

    public bool Down { get; set; }

    /// <summary>How long each send takes, so that two instances' deliveries overlap.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>The sends refused so far.</summary>
    public int Refused { get; private set; }

    /// <summary>The next <paramref name="sends"/> sends fail, then it works again: a blip.</summary>
    public void FailNext(int sends)
    {
        lock (_gate)
        {
            _failuresLeft = sends;
        }
    }

    internal bool Passes()
    {
        lock (_gate)
        {
            if (!Down && _failuresLeft == 0)
            {
                return true;
            }

            _failuresLeft = Math.Max(0, _failuresLeft - 1);
            Refused++;
            return false;
        }
    }
}

/// <summary>The development gateway behind an <see cref="SmsNetwork"/>.</summary>
internal sealed class NetworkSmsGateway(SmsNetwork network, DevelopmentSmsGateway gateway) : ISmsGateway
{
    public async Task<bool> DeliverAsync(string phone, string text, CancellationToken cancellationToken)
    {
        if (network.Latency > TimeSpan.Zero)
        {
            await Task.Delay(network.Latency, cancellationToken);
        }

        return network.Passes() && await gateway.DeliverAsync(phone, text, cancellationToken);
    }
}
