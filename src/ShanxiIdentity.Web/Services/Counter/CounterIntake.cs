using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// 受理: a clerk opens a request for a case of the materials table. The request checks what it
/// asks for; the intake adds what only the database knows (an identifier already registered).
/// </summary>
public sealed class CounterIntake(PortalDbContext db, AccountLocator locator, AuditLog audit, TimeProvider clock)
{
    public async Task<DeskOutcome> OpenAsync(OpenRequest open, Guid clerkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(open);
        var account = open.Kind != CounterChangeKind.Registration && open.AccountId is { } id
            ? await locator.FindByIdAsync(id, cancellationToken).ConfigureAwait(false)
            : null;
        var (request, refusal) = CounterRequest.Open(open, account, clerkId, clock.GetUtcNow().UtcDateTime, ChinaTime.Today(clock));
        refusal ??= open.Kind == CounterChangeKind.Registration ? await locator.FindAsync(open.UserType, open.Change, cancellationToken).ConfigureAwait(false) : null;
        if (refusal is not null)
        {
            return DeskOutcome.Refused(refusal);
        }

        db.CounterRequests.Add(request!);
        audit.Record(AuditAction.RequestOpened, account?.Id, clerkId, CounterDesk.Describe(request!));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(request!.Id);
    }
}
