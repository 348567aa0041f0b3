using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>扫码登录 rows hold the desktop's full address and browser: gone a day after the code expired (the sign-in itself is in the audit log and 登录记录).</summary>
public sealed class QrSignInRetention(PortalDbContext db, RetentionSettings settings) : IRetentionTask
{
    private static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    public string Name => "qr-sign-ins";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now - KeptAfterExpiry;
        return BatchDeletion.DeleteAsync(
            db.QrSignIns.Where(q => q.ExpiresAt < cutoff), q => q.Id, batch => q => batch.Contains(q.Id), settings.BatchSize, cancellationToken);
    }
}
