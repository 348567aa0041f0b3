using Microsoft.Extensions.Options;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// Delivers the outbox in the background: at once when this instance saved a message, and every
/// poll interval for what other instances wrote or what waits for a retry.
/// </summary>
public sealed partial class SmsOutboxWorker(SmsDelivery delivery, SmsDoorbell doorbell, IOptions<SmsDeliveryOptions> options, ILogger<SmsOutboxWorker> logger) : BackgroundService
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
                // The database away, say: the messages wait in it; try again after a poll interval.
                LogDrainFailed(logger, ex);
                await doorbell.WaitAsync(options.Value.PollInterval, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The SMS outbox could not be delivered; trying again later")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
