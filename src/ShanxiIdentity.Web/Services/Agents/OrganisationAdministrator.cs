using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// Who manages an organisation's 经办人 in this request: the 法人账号 itself, or a person acting
/// for it under an authorisation in the 管理员 role (<paramref name="ActorAuthorizationId"/>).
/// </summary>
public sealed record OrganisationAdministrator(Guid OrganisationAccountId, Guid ActorAccountId, Guid? ActorAuthorizationId)
{
    /// <summary>
    /// Whether the actor still administers the organisation, by its open authorisations read in the
    /// change's own unit of work: the request's acting was checked when it began, and a withdrawal or
    /// demotion committed since must not let it grant, change or withdraw once more.
    /// </summary>
    public bool StillHolds(IEnumerable<AgentAuthorization> open, DateOnly today) =>
        ActorAuthorizationId is not { } own
        || open.Any(a => a.Id == own && a.PersonAccountId == ActorAccountId && a.Role == AgentRole.Administrator && a.IsInForce(today));
}
