using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>An authorisation as the person sees it on 我的账号 and 身份切换: for whom, as what, until when.</summary>
public sealed record OwnAuthorization(
    Guid Id,
    string OrganisationName,
    string CreditCode,
    AgentRole Role,
    string Systems,
    DateOnly StartsOn,
    DateOnly EndsOn,
    bool InForce,
    bool IsDefault);
