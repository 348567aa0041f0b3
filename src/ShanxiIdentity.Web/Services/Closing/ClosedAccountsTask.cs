using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// The retention job's step for 注销账号: every account whose cooling-off ended by <c>now</c> is
/// closed, one transaction per account, so one failure leaves the others closed and itself untouched.
/// </summary>
public sealed partial class ClosedAccountsTask(PortalDbContext db, IServiceScopeFactory scopes, ILogger<ClosedAccountsTask> logger) : IRetentionTask
{
    /// <summary>Accounts closed per run at most: the job comes back for the rest.</summary>
    public const int BatchSize = 200;

    public string Name => "closed-accounts";

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var due = await db.Users.AsNoTracking()
            .Where(a => a.ClosingDueAt != null && a.ClosingDueAt <= now && a.ClosedAt == null)
            .OrderBy(a => a.ClosingDueAt)
            .Select(a => a.Id)
            .Take(BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var closed = 0;
        foreach (var id in due)
        {
            // A scope per account: its own context, so one account's failure leaves nothing tracked for the next.
            using var scope = scopes.CreateScope();
            try
            {
                if (await scope.ServiceProvider.GetRequiredService<AccountErasure>().EraseAsync(id, now, cancellationToken).ConfigureAwait(false))
                {
                    closed++;
                    LogClosed(id);
                }
            }
            catch (DbUpdateException ex)
            {
                LogFailed(ex, id);
            }
        }

        return closed;
    }

    [LoggerMessage(EventId = 3521, Level = LogLevel.Information, Message = "Account {AccountId} closed after its cooling-off")]
    private partial void LogClosed(Guid accountId);

    [LoggerMessage(EventId = 3522, Level = LogLevel.Error, Message = "Account {AccountId} could not be closed; it stays in its cooling-off until the next run")]
    private partial void LogFailed(Exception exception, Guid accountId);
}
