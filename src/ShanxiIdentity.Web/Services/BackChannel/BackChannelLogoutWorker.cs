using Microsoft.Extensions.Options;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>Delivers logout tokens to client systems in the background.</summary>
public sealed partial class BackChannelLogoutWorker(BackChannelDelivery delivery, BackChannelDoorbell doorbell, IOptions<BackChannelLogoutOptions> options, ILogger<BackChannelLogoutWorker> logger)
    : OutboxWorker(doorbell)
{
    protected override TimeSpan PollInterval => options.Value.PollInterval;

    protected override Task DeliverDueAsync(CancellationToken cancellationToken) => delivery.DeliverDueAsync(cancellationToken);

    protected override void OnDrainFailed(Exception exception) => LogDrainFailed(logger, exception);

    [LoggerMessage(EventId = 3504, Level = LogLevel.Error, Message = "Back-channel logouts could not be delivered; trying again later")]
    private static partial void LogDrainFailed(ILogger logger, Exception exception);
}
