using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>
/// Records 到期 for authorisations whose end date has passed, each with its audit row. Until it
/// runs, <see cref="Data.Entities.AgentAuthorization.IsInForce"/> already refuses them, so the job
/// only writes down what has taken effect. Safe on several instances: each row carries a version,
/// and an instance that loses the race for a row leaves it to the winner.
/// </summary>
public sealed class AgentExpiry(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<int> RecordDueAsync(CancellationToken cancellationToken)
    {
        var today = ChinaTime.Today(clock);
        var due = await db.AgentAuthorizations.AsNoTracking()
            .Where(a => (a.Status == AgentAuthorizationStatus.Invited || a.Status == AgentAuthorizationStatus.Accepted) && a.EndsOn < today)
            .Select(a => a.Id)
            .Take(500)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var recorded = 0;
        foreach (var id in due)
        {
            db.ChangeTracker.Clear();
            try
            {
                await audit.CommitAsync(
                    async () =>
                    {
                        var authorization = await db.AgentAuthorizations.SingleAsync(a => a.Id == id, cancellationToken).ConfigureAwait(false);
                        if (authorization.Expire(today, clock.GetUtcNow().UtcDateTime))
                        {
                            audit.Record(AuditAction.AgentExpired, authorization.OrganisationAccountId, authorization.OrganisationAccountId, authorization.AuditDetail());
                            recorded++;
                        }
                    },
                    cancellationToken).ConfigureAwait(false);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another instance recorded it (or an administrator changed it) first.
                db.ChangeTracker.Clear();
            }
        }

        return recorded;
    }
}
