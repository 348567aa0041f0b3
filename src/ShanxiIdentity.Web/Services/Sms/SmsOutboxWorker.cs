using Microsoft.Extensions.Options;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>Delivers the SMS outbox in the background.</summary>
public sealed partial class SmsOutboxWorker(SmsDelivery delivery, SmsDoorbell doorbell, IOptions<SmsDeliveryOptions> options, ILogger<SmsOutboxWorker> logger)
    : OutboxWorker(doorbell)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task DeliverDueAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);

    protected override void OnDrainFailed(Exception exception) => LogDrainFailed(logger, exception);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Error, Message = "The SMS outbox could not be delivered; trying again later")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
