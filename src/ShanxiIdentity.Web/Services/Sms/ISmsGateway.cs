namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>Delivers a message of the outbox; the outbox worker calls it, and retries what it refuses.</summary>
public interface ISmsGateway
{
    /// <summary>True when the gateway accepted the message.</summary>
    Task<bool> DeliverAsync(string phone, string text, CancellationToken cancellationToken);
}
