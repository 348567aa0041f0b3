using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// What must end before an account may close, each with where to end it: any counter request still
/// open for the account (a change the counter would then apply to nobody), and for an organisation
/// its open 经办人 authorisations (people who could otherwise go on acting for it). A person's own
/// authorisations to act for organisations do not block: closing ends them (ClosedAccountsTask).
/// </summary>
public sealed class ClosingBlockers(PortalDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ClosingBlocker>> ForAsync(Account account, Guid? exceptRequest, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var blockers = new List<ClosingBlocker>();
        var requests = await db.CounterRequests.AsNoTracking()
            .Where(r => r.AccountId == account.Id && r.Id != exceptRequest
                && (r.Status == CounterRequestStatus.Draft || r.Status == CounterRequestStatus.Submitted || r.Status == CounterRequestStatus.Approved))
            .OrderBy(r => r.CreatedAt)
            .Select(r => new { r.ChangeKind, r.Status, r.CreatedAt })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        blockers.AddRange(requests.Select(r => new ClosingBlocker(
            ClosingMessages.OpenCounterRequest(r.ChangeKind.DisplayName(), r.Status.DisplayName(), ChinaTime.Format(r.CreatedAt, "yyyy-MM-dd")),
            ClosingMessages.OpenCounterRequestWhere)));

        if (account.Kind == AccountKind.LegalEntity)
        {
            var today = ChinaTime.Today(clock);
            var agents = await db.AgentAuthorizations.AsNoTracking()
                .Where(a => a.OrganisationAccountId == account.Id
                    && (a.Status == AgentAuthorizationStatus.Invited || a.Status == AgentAuthorizationStatus.Accepted) && a.EndsOn >= today)
                .OrderBy(a => a.CreatedAt)
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            blockers.AddRange(agents.Select(a => new ClosingBlocker(
                ClosingMessages.OpenAgent(SensitiveText.MaskName(a.PersonName), a.Role.DisplayName(), a.Status.DisplayName(), a.EndsOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                ClosingMessages.OpenAgentWhere)));
        }

        return blockers;
    }
}
