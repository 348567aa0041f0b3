namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// One drain of a persisted outbox at a time in an instance (the worker's and a test's never overlap),
/// batch after batch until a batch comes back short. Which rows a batch claims, under a lease that
/// keeps other instances off them, and how each is sent is the subclass's.
/// </summary>
public abstract class OutboxDelivery : IDisposable
{
    private readonly SemaphoreSlim _oneDrain = new(1, 1);

    /// <summary>This instance's name on the leases it takes.</summary>
    protected string Instance { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";

    protected abstract int BatchSize { get; }

    /// <summary>Delivers every row due now; returns how many were delivered.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await _oneDrain.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var delivered = 0;
            while (true)
            {
                var (sent, claimed) = await DeliverBatchAsync(cancellationToken).ConfigureAwait(false);
                delivered += sent;
                if (claimed < BatchSize)
                {
                    return delivered;
                }
            }
        }
        finally
        {
            _oneDrain.Release();
        }
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _oneDrain.Dispose();
        }
    }

    /// <summary>Claims one batch of due rows and sends them: how many were delivered, and how many were claimed.</summary>
    protected abstract Task<(int Delivered, int Claimed)> DeliverBatchAsync(CancellationToken cancellationToken);
}
