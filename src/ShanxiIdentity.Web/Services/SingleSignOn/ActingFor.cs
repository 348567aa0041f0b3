using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>An authorisation in force for a client system: the organisation a sign-in acts for, as its claims say it.</summary>
public sealed record ActingFor(
    Guid AuthorizationId,
    Guid OrganisationAccountId,
    string OrganisationName,
    string CreditCode,
    string OrganisationType,
    AgentRole Role,
    DateOnly EndsOn);
