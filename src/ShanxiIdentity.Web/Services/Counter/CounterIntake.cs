using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
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
        refusal ??= open.Kind == CounterChangeKind.Registration ? await TakenAsync(open, cancellationToken).ConfigureAwait(false) : null;
        if (refusal is not null)
        {
            return DeskOutcome.Refused(refusal);
        }

        db.CounterRequests.Add(request!);
        audit.Record(AuditAction.RequestOpened, account?.Id, clerkId, CounterDesk.Describe(request!));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(request!.Id);
    }

    /// <summary>A registration's identifier already held by an account, in the registration forms' words.</summary>
    private async Task<CounterRefusal?> TakenAsync(OpenRequest open, CancellationToken cancellationToken)
    {
        var change = open.Change;
        if (change.IdNumber is { } idNumber && open.UserType == CounterUserType.Person
            && await locator.IdNumberTakenAsync(idNumber, cancellationToken).ConfigureAwait(false))
        {
            return new CounterRefusal(SeedMessages.IdNumberAlreadyCertified, "IdNumber");
        }

        if (change.CreditCode is { } creditCode && open.UserType != CounterUserType.Person
            && await locator.CreditCodeTakenAsync(creditCode, cancellationToken).ConfigureAwait(false))
        {
            return new CounterRefusal(SeedMessages.CreditCodeAlreadyCertified, "CreditCode");
        }

        return change.LoginName is { } loginName && await locator.UserNameTakenAsync(loginName, cancellationToken).ConfigureAwait(false)
            ? new CounterRefusal(open.UserType == CounterUserType.Person ? AccountMessages.UserNameTaken : SeedMessages.LoginNameTaken, "LoginName")
            : null;
    }
}
