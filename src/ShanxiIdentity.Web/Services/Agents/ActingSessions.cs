using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// 身份切换: which organisation a person's browser acts for, kept on its session row (every
/// instance sees it, and the per-request session check re-reads it). Beginning to act for an
/// organisation is an audit row of that organisation.
/// </summary>
public sealed class ActingSessions(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Acts for the organisation of <paramref name="authorizationId"/>, or for oneself (个人办事) when it is null.</summary>
    public async Task<AgentOutcome> SwitchAsync(Guid sessionId, Guid personAccountId, Guid? authorizationId, CancellationToken cancellationToken)
    {
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.AccountId == personAccountId && s.EndedAt == null, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return AgentOutcome.Refused(AgentMessages.NotFound);
        }

        if (authorizationId is null)
        {
            session.ActingAuthorizationId = null;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return AgentOutcome.Done(AgentMessages.PersonalService);
        }

        var authorization = await db.AgentAuthorizations.Include(a => a.Organisation).ThenInclude(o => o!.LegalEntity)
            .SingleOrDefaultAsync(a => a.Id == authorizationId && a.PersonAccountId == personAccountId, cancellationToken).ConfigureAwait(false);
        if (authorization is null || !authorization.IsInForce(ChinaTime.Today(clock)))
        {
            return AgentOutcome.Refused(AgentMessages.NotInForce);
        }

        await audit.CommitAsync(
            () =>
            {
                session.ActingAuthorizationId = authorization.Id;
                audit.Record(AuditAction.ActingAsOrganisation, authorization.OrganisationAccountId, personAccountId, $"#{authorization.Id:N}");
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return AgentOutcome.Done(authorization.Organisation!.LegalEntity!.OrganisationName);
    }

    /// <summary>
    /// At sign-in: the person's default organisation, if it is in force today, staged on the new
    /// session (the sign-in's own save writes it and the audit row).
    /// </summary>
    public async Task<Guid?> DefaultForAsync(Guid personAccountId, CancellationToken cancellationToken)
    {
        var chosen = await db.AgentAuthorizations
            .Where(a => a.PersonAccountId == personAccountId && a.IsDefault && a.Status == AgentAuthorizationStatus.Accepted)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (chosen is null || !chosen.IsInForce(ChinaTime.Today(clock)))
        {
            return null;
        }

        audit.Record(AuditAction.ActingAsOrganisation, chosen.OrganisationAccountId, personAccountId, $"#{chosen.Id:N}");
        return chosen.Id;
    }
}
