using Microsoft.Extensions.Hosting;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// The default where no gateway is configured (<c>Sms:Gateway:Endpoint</c>): no SMS leaves the
/// portal. In Development and Testing every message is delivered to the <see cref="DevelopmentPhone"/>;
/// anywhere else a message is refused, so it stays in the outbox, retried, until an operator
/// configures the gateway (a production start without one must not mark codes and notices sent).
/// </summary>
public sealed partial class DevelopmentSmsGateway(DevelopmentPhone handset, IHostEnvironment environment, TimeProvider clock, ILogger<DevelopmentSmsGateway> logger) : ISmsGateway
{
    public Task<bool> DeliverAsync(string phone, string text, CancellationToken cancellationToken)
    {
        if (!TestOnlySettings.Allowed(environment))
        {
            LogNoGateway(logger, HttpSmsGateway.EndpointKey);
            return Task.FromResult(false);
        }

        handset.Receive(new DeliveredSms(phone, text, clock.GetUtcNow().UtcDateTime));
        return Task.FromResult(true);
    }

    [LoggerMessage(EventId = 3006, Level = LogLevel.Error, Message = "No SMS gateway is configured ({Setting}): the message stays in the outbox")]
    private static partial void LogNoGateway(ILogger logger, string setting);
}
