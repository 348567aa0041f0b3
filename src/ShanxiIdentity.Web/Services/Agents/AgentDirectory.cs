using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>What 经办人管理, 我的账号 and the consent page read about authorisations.</summary>
public sealed class AgentDirectory(PortalDbContext db, AgentInvitees invitees, ClientRegistry clients, TimeProvider clock)
{
    /// <summary>An organisation's authorisations: open ones first, then the ended, newest first within each.</summary>
    public async Task<IReadOnlyList<AgentRow>> ForOrganisationAsync(Guid organisation, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var names = await SystemNamesAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.AgentAuthorizations.AsNoTracking()
            .Where(a => a.OrganisationAccountId == organisation)
            .OrderByDescending(a => a.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(a => Row(a, names, today)).OrderByDescending(r => r.Open)];
    }

    /// <summary>One of the organisation's authorisations, by its key (however many the organisation has).</summary>
    public async Task<AgentRow?> FindAsync(Guid organisation, Guid id, CancellationToken cancellationToken)
    {
        var authorization = await db.AgentAuthorizations.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == id && a.OrganisationAccountId == organisation, cancellationToken).ConfigureAwait(false);
        return authorization is null
            ? null
            : Row(authorization, await SystemNamesAsync(cancellationToken).ConfigureAwait(false), ChinaTime.Today(clock));
    }

    private static AgentRow Row(AgentAuthorization a, Dictionary<string, string> names, DateOnly today) =>
        new(a.Id, a.Version, a.PersonName, SensitiveText.MaskIdNumber(a.PersonIdNumber), a.Role, a.Terms.ClientIds,
            Systems(a, names), a.StartsOn, a.EndsOn, State(a, today), a.IsOpen(today));

    /// <summary>The invitations waiting for the person, with the organisation each comes from.</summary>
    public async Task<IReadOnlyList<OwnAuthorization>> InvitationsAsync(Account person, CancellationToken cancellationToken)
    {
        var waiting = await invitees.InvitationsForAsync(person, cancellationToken).ConfigureAwait(false);
        var today = ChinaTime.Today(clock);
        return await DescribeAsync([.. waiting.Where(a => a.IsOpen(today))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The person's accepted authorisations (in force or not yet started), for 身份切换 and 我的账号.</summary>
    public async Task<IReadOnlyList<OwnAuthorization>> AcceptedAsync(Guid person, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var accepted = await db.AgentAuthorizations.AsNoTracking()
            .Where(a => a.PersonAccountId == person && a.Status == AgentAuthorizationStatus.Accepted)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await DescribeAsync([.. accepted.Where(a => a.IsOpen(today))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The organisations the person may act for in this client system today: the consent page's choice.</summary>
    public async Task<IReadOnlyList<OwnAuthorization>> CoveringAsync(Guid person, string clientId, CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var accepted = await db.AgentAuthorizations.AsNoTracking()
            .Where(a => a.PersonAccountId == person && a.Status == AgentAuthorizationStatus.Accepted)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return await DescribeAsync([.. accepted.Where(a => a.IsInForce(today) && a.Covers(clientId))], cancellationToken).ConfigureAwait(false);
    }

    /// <summary>谁以本单位名义做了什么: the organisation's authorisation events, newest first.</summary>
    public async Task<IReadOnlyList<AgentActivity>> ActivityAsync(Guid organisation, CancellationToken cancellationToken)
    {
        var actions = AuditAction.Agent.ToList();
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectAccountId == organisation && actions.Contains(e.Action))
            .OrderByDescending(e => e.Id)
            .Take(100)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var actorIds = entries.Select(e => e.ActorAccountId).OfType<Guid>().Distinct().ToList();
        var people = await db.Users.AsNoTracking()
            .Where(a => actorIds.Contains(a.Id))
            .Select(a => new { a.Id, a.Kind, Person = a.Person!.Name })
            .ToDictionaryAsync(a => a.Id, cancellationToken).ConfigureAwait(false);

        // The expiry job records the organisation as its actor, and the counter its staff: neither is the organisation's doing.
        return [.. entries.Select(e => new AgentActivity(
            e.At,
            e.Action == AuditAction.AgentExpired ? AgentNames.System
                : e.ActorAccountId is { } actor && people.TryGetValue(actor, out var who) && who.Kind != AccountKind.Staff
                    ? who.Person is { } name ? SensitiveText.MaskName(name) : "单位账号"
                    : "政务大厅",
            AuditAction.DisplayName(e.Action),
            e.Detail))];
    }

    /// <summary>The business systems an administrator may choose from (接入系统), by client id.</summary>
    public async Task<IReadOnlyList<(string ClientId, string Name)>> SystemsAsync(CancellationToken cancellationToken) =>
        [.. (await clients.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => (c.ClientId, c.Settings.Name))];

    private async Task<Dictionary<string, string>> SystemNamesAsync(CancellationToken cancellationToken) =>
        (await SystemsAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.ClientId, s => s.Name, StringComparer.Ordinal);

    private async Task<IReadOnlyList<OwnAuthorization>> DescribeAsync(List<AgentAuthorization> authorizations, CancellationToken cancellationToken)
    {
        if (authorizations.Count == 0)
        {
            return [];
        }

        var today = ChinaTime.Today(clock);
        var ids = authorizations.Select(a => a.OrganisationAccountId).Distinct().ToList();
        var organisations = await db.LegalEntityProfiles.AsNoTracking()
            .Where(p => ids.Contains(p.AccountId))
            .ToDictionaryAsync(p => p.AccountId, cancellationToken).ConfigureAwait(false);
        var names = await SystemNamesAsync(cancellationToken).ConfigureAwait(false);
        return [.. authorizations
            .Where(a => organisations.ContainsKey(a.OrganisationAccountId))
            .Select(a => new OwnAuthorization(
                a.Id, organisations[a.OrganisationAccountId].OrganisationName, organisations[a.OrganisationAccountId].CreditCode,
                a.Role, Systems(a, names), a.StartsOn, a.EndsOn, a.IsInForce(today), a.IsDefault))
            .OrderBy(a => a.OrganisationName, StringComparer.Ordinal)];
    }

    private static string Systems(AgentAuthorization authorization, Dictionary<string, string> names) =>
        authorization.Terms.ClientIds is { } chosen
            ? string.Join("、", chosen.Select(id => names.TryGetValue(id, out var name) ? name : "（已停止接入的系统）"))
            : AgentNames.AllSystems;

    private static string State(AgentAuthorization authorization, DateOnly today) => authorization.Status switch
    {
        AgentAuthorizationStatus.Accepted when today < authorization.StartsOn => "未到开始日期",
        AgentAuthorizationStatus.Accepted when today > authorization.EndsOn => AgentAuthorizationStatus.Expired.DisplayName(),
        AgentAuthorizationStatus.Accepted => "有效",
        AgentAuthorizationStatus.Invited when today > authorization.EndsOn => AgentAuthorizationStatus.Expired.DisplayName(),
        _ => authorization.Status.DisplayName(),
    };
}
