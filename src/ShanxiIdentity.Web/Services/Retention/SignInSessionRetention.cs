using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// 登录记录: sessions ended, or not seen (no cookie outlives its sliding window by months), longer
/// than <c>Retention:SignInDays</c> ago. The sign-ins stay in the audit log for its own period.
/// </summary>
public sealed class SignInSessionRetention(PortalDbContext db, RetentionSettings settings) : IRetentionTask
{
    public string Name => "sign-in-sessions";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-settings.SignInDays);
        return BatchDeletion.DeleteAsync(
            db.SignInSessions.Where(s => (s.EndedAt ?? s.LastSeenAt ?? s.CreatedAt) < cutoff),
            s => s.Id,
            batch => s => batch.Contains(s.Id),
            settings.BatchSize,
            cancellationToken);
    }
}
