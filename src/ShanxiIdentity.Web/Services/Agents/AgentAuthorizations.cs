using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// 经办人管理's changes: grant, change and withdraw (by an organisation's administrator), accept and
/// decline (by the person). Each commits with its audit row and its SMS notices in one transaction.
/// Every change to an organisation's authorisations also renews the organisation account's
/// concurrency stamp, so two of them at once cannot both pass the limits (one per person, the
/// number of administrators): the second is refused and asked to look again.
/// </summary>
public sealed class AgentAuthorizations(
    PortalDbContext db,
    AuditLog audit,
    AgentNotices notices,
    AgentInvitees invitees,
    ClientRegistry clients,
    AgentSettings settings,
    TimeProvider clock)
{
    public async Task<AgentOutcome> GrantAsync(OrganisationAdministrator by, AgentGrant grant, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(grant);
        var today = ChinaTime.Today(clock);
        if (await TermsRefusalAsync(grant.Terms, today, null, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        if (by.ActorAuthorizationId is not null && await invitees.IdNumberOfAsync(by.ActorAccountId, cancellationToken).ConfigureAwait(false) == grant.PersonIdNumber)
        {
            return AgentOutcome.Refused(AgentMessages.CannotAuthoriseSelf, nameof(AgentGrant.PersonIdNumber));
        }

        var organisation = await OrganisationAsync(by.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        var open = await db.AgentAuthorizations.OpenForAsync(by.OrganisationAccountId, today, cancellationToken).ConfigureAwait(false);
        if (open.Any(a => a.PersonIdNumber == grant.PersonIdNumber))
        {
            return AgentOutcome.Refused(AgentMessages.AlreadyAuthorised, nameof(AgentGrant.PersonIdNumber));
        }

        if (OpenRefusal(by, grant.Terms, open, today, except: null) is { } limited)
        {
            return limited;
        }

        var authorization = AgentAuthorization.Grant(organisation.Id, grant.PersonName, grant.PersonIdNumber, grant.Terms, by.ActorAccountId, Now());
        return await CommitAsync(
            async () =>
            {
                db.AgentAuthorizations.Add(authorization);
                audit.Record(AuditAction.AgentGranted, organisation.Id, by.ActorAccountId, authorization.AuditDetail());
                await notices.GrantedAsync(organisation.LegalEntity!.OrganisationName, authorization, by.ActorAccountId, cancellationToken).ConfigureAwait(false);
            },
            organisation,
            AgentMessages.Granted,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>修改, against the version the administrator's form showed: a change made since is never overwritten.</summary>
    public async Task<AgentOutcome> ChangeAsync(OrganisationAdministrator by, Guid id, Guid shownVersion, AgentTerms terms, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        ArgumentNullException.ThrowIfNull(terms);
        var today = ChinaTime.Today(clock);
        var authorization = await db.AgentAuthorizations.SingleOrDefaultAsync(a => a.Id == id && a.OrganisationAccountId == by.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        if (authorization is null)
        {
            return AgentOutcome.Refused(AgentMessages.NotFound);
        }

        // As at grant (CannotAuthoriseSelf): an acting 管理员 cannot extend or widen their own authorisation.
        if (by.ActorAuthorizationId is not null && authorization.PersonAccountId == by.ActorAccountId)
        {
            return AgentOutcome.Refused(AgentMessages.CannotChangeOwn);
        }

        if (authorization.Version != shownVersion)
        {
            return AgentOutcome.Refused(AgentMessages.ChangedMeanwhile);
        }

        if (await TermsRefusalAsync(terms, today, authorization.StartsOn, cancellationToken).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var organisation = await OrganisationAsync(by.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        if (OpenRefusal(by, terms, await db.AgentAuthorizations.OpenForAsync(organisation.Id, today, cancellationToken).ConfigureAwait(false), today, except: id) is { } limited)
        {
            return limited;
        }

        if (authorization.Change(terms, today) is { } ended)
        {
            return AgentOutcome.Refused(ended);
        }

        return await CommitAsync(
            () => Staged(audit.Record(AuditAction.AgentChanged, organisation.Id, by.ActorAccountId, authorization.AuditDetail())),
            organisation,
            AgentMessages.Changed,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>撤回: the person's acting session and the client systems' refresh tokens under it stop at their next request.</summary>
    public async Task<AgentOutcome> WithdrawAsync(OrganisationAdministrator by, Guid id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(by);
        var authorization = await db.AgentAuthorizations.SingleOrDefaultAsync(a => a.Id == id && a.OrganisationAccountId == by.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        if (authorization is null)
        {
            return AgentOutcome.Refused(AgentMessages.NotFound);
        }

        var (today, organisation) = (ChinaTime.Today(clock), await OrganisationAsync(by.OrganisationAccountId, cancellationToken).ConfigureAwait(false));
        if (OpenRefusal(by, null, await db.AgentAuthorizations.OpenForAsync(organisation.Id, today, cancellationToken).ConfigureAwait(false), today, except: null) is { } gone)
        {
            return gone;
        }

        if (authorization.Withdraw(today, Now()) is { } ended)
        {
            return AgentOutcome.Refused(ended);
        }

        return await CommitAsync(
            async () =>
            {
                audit.Record(AuditAction.AgentWithdrawn, organisation.Id, by.ActorAccountId, authorization.AuditDetail());
                await notices.WithdrawnAsync(organisation.LegalEntity!.OrganisationName, authorization, by.ActorAccountId, cancellationToken).ConfigureAwait(false);
            },
            organisation,
            AgentMessages.Withdrawn,
            cancellationToken).ConfigureAwait(false);
    }

    public Task<AgentOutcome> AcceptAsync(Account person, Guid id, CancellationToken cancellationToken) =>
        RespondAsync(person, id, accept: true, cancellationToken);

    public Task<AgentOutcome> DeclineAsync(Account person, Guid id, CancellationToken cancellationToken) =>
        RespondAsync(person, id, accept: false, cancellationToken);

    /// <summary>The person's 默认办事身份 at sign-in: one of their accepted authorisations, or none (个人办事).</summary>
    public async Task<AgentOutcome> SetDefaultAsync(Guid personAccountId, Guid? id, CancellationToken cancellationToken)
    {
        var own = db.AgentAuthorizations.Where(a => a.PersonAccountId == personAccountId && a.Status == AgentAuthorizationStatus.Accepted);
        if (id is not null && !await own.AnyAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false))
        {
            return AgentOutcome.Refused(AgentMessages.NotFound);
        }

        // The person's preference, not a term: written in one statement without the version, so an
        // administrator's change committed since this request read the authorisation neither fails it nor is failed by it.
        await own.ExecuteUpdateAsync(set => set.SetProperty(a => a.IsDefault, a => a.Id == id), cancellationToken).ConfigureAwait(false);
        return AgentOutcome.Done(AgentMessages.DefaultSaved);
    }

    private async Task<AgentOutcome> RespondAsync(Account person, Guid id, bool accept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(person);
        var invitation = (await invitees.InvitationsForAsync(person, cancellationToken).ConfigureAwait(false)).SingleOrDefault(a => a.Id == id);
        if (invitation is null)
        {
            return AgentOutcome.Refused(AgentMessages.NotFound);
        }

        var today = ChinaTime.Today(clock);
        var refusal = accept ? invitation.Accept(person.Id, today, Now()) : invitation.Decline(person.Id, today, Now());
        if (refusal is not null)
        {
            return AgentOutcome.Refused(refusal);
        }

        var organisation = await OrganisationAsync(invitation.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        return await CommitAsync(
            () => Staged(audit.Record(accept ? AuditAction.AgentAccepted : AuditAction.AgentDeclined, organisation.Id, person.Id, invitation.AuditDetail())),
            organisation,
            accept ? AgentMessages.Accepted : AgentMessages.Declined,
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<AgentOutcome?> TermsRefusalAsync(AgentTerms terms, DateOnly today, DateOnly? earliestStart, CancellationToken cancellationToken)
    {
        if (terms.Refusal(today, settings.MaxValidityDays, earliestStart) is { } refused)
        {
            return AgentOutcome.Refused(refused.Message, refused.Field);
        }

        if (terms.ClientIds is { } chosen)
        {
            var known = (await clients.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.ClientId).ToHashSet(StringComparer.Ordinal);
            if (!chosen.All(known.Contains))
            {
                return AgentOutcome.Refused(AgentMessages.UnknownSystem, nameof(AgentTerms.ClientIds));
            }
        }

        return null;
    }

    /// <summary>Read after the organisation (its stamp guards the save): the actor must still be an administrator, and the limit hold.</summary>
    private AgentOutcome? OpenRefusal(OrganisationAdministrator by, AgentTerms? terms, List<AgentAuthorization> open, DateOnly today, Guid? except) =>
        !by.StillHolds(open, today) ? AgentOutcome.Refused(AgentMessages.NoLongerAdministrator)
        : terms?.Role == AgentRole.Administrator && open.Count(a => a.Role == AgentRole.Administrator && a.Id != except) >= settings.MaxAdministrators
            ? AgentOutcome.Refused(AgentMessages.TooManyAdministrators(settings.MaxAdministrators), nameof(AgentTerms.Role))
            : null;

    private Task<Account> OrganisationAsync(Guid id, CancellationToken cancellationToken) =>
        db.Users.Include(a => a.LegalEntity).SingleAsync(a => a.Id == id && a.LegalEntity != null, cancellationToken);

    /// <summary>Saves the change with its rows, renewing the organisation's stamp; a concurrent change makes it refused, nothing written.</summary>
    private async Task<AgentOutcome> CommitAsync(Func<Task> change, Account organisation, string done, CancellationToken cancellationToken)
    {
        try
        {
            await audit.CommitAsync(
                async () =>
                {
                    organisation.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                    await change().ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            return AgentOutcome.Done(done);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return AgentOutcome.Refused(AgentMessages.ChangedMeanwhile);
        }
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    /// <summary>A change whose only extra row is its audit entry, already staged.</summary>
    private static Task Staged(AuditEntry _) => Task.CompletedTask;
}
