namespace ShanxiIdentity.Domain.Agents;

/// <summary>Where an authorisation stands. Only <see cref="Accepted"/>, within its dates, lets the person act.</summary>
public enum AgentAuthorizationStatus
{
    /// <summary>待接受: granted, waiting for the person (or for the person to register).</summary>
    Invited = 1,

    /// <summary>已生效 once its start date has come.</summary>
    Accepted = 2,

    Declined = 3,

    Withdrawn = 4,

    /// <summary>Its end date passed while it was still invited or accepted.</summary>
    Expired = 5,
}
