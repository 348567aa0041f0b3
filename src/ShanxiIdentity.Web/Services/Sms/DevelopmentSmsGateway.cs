namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// The default where no gateway is configured (<c>Sms:Gateway:Endpoint</c>): no SMS leaves the
/// portal; every message is delivered to the <see cref="DevelopmentPhone"/>.
/// </summary>
public sealed class DevelopmentSmsGateway(DevelopmentPhone handset, TimeProvider clock) : ISmsGateway
{
    public Task<bool> DeliverAsync(string phone, string text, CancellationToken cancellationToken)
    {
        handset.Receive(new DeliveredSms(phone, text, clock.GetUtcNow().UtcDateTime));
        return Task.FromResult(true);
    }
}
