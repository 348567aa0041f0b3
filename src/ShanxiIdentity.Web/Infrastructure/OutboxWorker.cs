namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Drains a persisted outbox in the background (SMS, back-channel logouts): at once when this instance
/// saved a row (its <see cref="Doorbell"/>), and every poll interval for what other instances wrote or
/// what waits for a retry. A failed round (the database away, say) leaves the rows where they are.
/// </summary>
public abstract class OutboxWorker(Doorbell doorbell) : BackgroundService
{
    protected abstract TimeSpan PollInterval { get; }

    protected abstract Task DeliverDueAsync(CancellationToken cancellationToken);

    protected abstract void OnDrainFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                await doorbell.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                OnDrainFailed(ex);
                await doorbell.WaitAsync(PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
