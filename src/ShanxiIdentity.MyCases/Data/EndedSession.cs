namespace ShanxiIdentity.MyCases.Data;

/// <summary>
/// A sign-in the portal ended (back-channel logout): cookies of this person (and this portal session,
/// when <see cref="SessionId"/> is set) issued before <see cref="EndedAt"/> are refused from then on.
/// </summary>
public class EndedSession
{
    public long Id { get; set; }

    public required string Subject { get; set; }

    public string? SessionId { get; set; }

    public DateTime EndedAt { get; set; }
}
