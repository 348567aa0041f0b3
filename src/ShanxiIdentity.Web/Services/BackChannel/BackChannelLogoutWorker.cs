using Microsoft.Extensions.Options;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>Delivers logout tokens in the background: at once when this instance queued one, and every poll interval.</summary>
public sealed partial class BackChannelLogoutWorker(BackChannelDelivery delivery, BackChannelDoorbell doorbell, IOptions<BackChannelLogoutOptions> options, ILogger<BackChannelLogoutWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                await doorbell.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database away, say: the rows wait in it.
                LogDrainFailed(logger, ex);
                await doorbell.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 3504, Level = LogLevel.Error, Message = "Back-channel logouts could not be delivered; trying again later")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
