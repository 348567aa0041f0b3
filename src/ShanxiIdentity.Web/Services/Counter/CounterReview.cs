using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// 审核: a supervisor other than the clerk approves a submitted request, and its change is applied
/// in the same transaction as the decision and its audit rows; or rejects it with a reason.
/// </summary>
public sealed class CounterReview(PortalDbContext db, CounterDesk desk, AuditLog audit, CounterChangeApplier applier, TimeProvider clock)
{
    /// <summary>Approves and applies in one transaction, then notifies the holder by SMS.</summary>
    public async Task<DeskOutcome> ApproveAsync(Guid requestId, Guid supervisorId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var request = await desk.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if ((request is null ? new CounterRefusal(CounterMessages.NotAwaitingDecision) : request.Approve(supervisorId, now)) is { } refusal)
        {
            return DeskOutcome.Refused(refusal);
        }

        var change = request!.ReadChange();
        var applied = await applier.ApplyAsync(request, change, cancellationToken).ConfigureAwait(false);
        if (!applied.Succeeded)
        {
            // Nothing of the approval is kept: the request stays where it was.
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, applied.Message!);
        }

        request.MarkApplied(now);
        audit.Record(AuditAction.RequestApproved, request.AccountId, supervisorId, CounterDesk.Describe(request));
        audit.Record(AuditAction.ChangeApplied, request.AccountId, supervisorId, CounterDesk.Describe(request));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another supervisor decided first, or the account changed meanwhile (设定单位管理员 against an
            // administrator's change online); nothing of this attempt was written.
            db.ChangeTracker.Clear();
            var waiting = await db.CounterRequests.AnyAsync(r => r.Id == requestId && r.Status == CounterRequestStatus.Submitted, cancellationToken).ConfigureAwait(false);
            return DeskOutcome.Refused(null, waiting ? CounterMessages.AccountChangedMeanwhile : CounterMessages.NotAwaitingDecision);
        }
        catch (DbUpdateException)
        {
            // A registration raced an online one for the same identifier: the unique index decided.
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, await applier.ExplainConflictAsync(request!, change, cancellationToken).ConfigureAwait(false));
        }

        return new DeskOutcome(requestId);
    }

    public async Task<DeskOutcome> RejectAsync(Guid requestId, Guid supervisorId, string? reason, CancellationToken cancellationToken)
    {
        var request = await desk.FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if ((request is null ? new CounterRefusal(CounterMessages.NotAwaitingDecision) : request.Reject(supervisorId, reason, clock.GetUtcNow().UtcDateTime)) is { } refusal)
        {
            return DeskOutcome.Refused(refusal);
        }

        audit.Record(AuditAction.RequestRejected, request!.AccountId, supervisorId, CounterDesk.Describe(request) + " 原因：" + Domain.Identifiers.SensitiveText.Redact(request.DecisionNote!));
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return DeskOutcome.Refused(null, CounterMessages.NotAwaitingDecision);
        }

        return new DeskOutcome(requestId);
    }
}
