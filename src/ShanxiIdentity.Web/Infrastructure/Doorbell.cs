using System.Threading.Channels;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Wakes this instance's outbox worker when a row was saved here, so it goes out at once rather than
/// at the next poll. Only a hint: the database says what is due. One subclass per outbox (its DI identity).
/// </summary>
public abstract class Doorbell
{
    private readonly Channel<bool> _rings = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Ring() => _rings.Writer.TryWrite(true);

    /// <summary>Returns at a ring, or when <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _rings.Reader.ReadAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The poll interval passed without a ring.
        }
    }
}
