namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>What an authorisation change came to: done, or refused with the field it concerns (null for the form as a whole).</summary>
public sealed record AgentOutcome(bool Succeeded, string Message, string? Field = null)
{
    public static AgentOutcome Done(string message) => new(true, message);

    public static AgentOutcome Refused(string message, string? field = null) => new(false, message, field);
}
