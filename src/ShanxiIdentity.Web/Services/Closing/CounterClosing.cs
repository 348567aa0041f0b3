using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// 注销账号 at the counter, staged by the supervisor's approval: the same checks as online (the
/// request being approved aside) and the same cooling-off, so that a closing on paper the holder did
/// not ask for (a forged letter) can still be cancelled by the holder, told by SMS.
/// </summary>
public sealed class CounterClosing(AccountClosings closings, ClosingBlockers blockers)
{
    public async Task<AppliedChange> StageAsync(CounterRequest request, Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(account);
        var found = await blockers.ForAsync(account, request.Id, cancellationToken).ConfigureAwait(false);
        if (ClosingRules.RequestRefusal(account.ClosingDueAt, account.ClosedAt, found) is { } refused)
        {
            return new AppliedChange(null, found.Count > 0 && account.ClosingDueAt is null ? ClosingMessages.CounterBlocked(found) : refused);
        }

        return new AppliedChange(closings.Stage(account, ClosingMessages.ChannelCounter, atCounter: true, request.DecidedByStaffId));
    }
}
