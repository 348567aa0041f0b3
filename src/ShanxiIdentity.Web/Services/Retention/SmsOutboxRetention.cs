using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>SMS messages delivered or given up (their text is already cleared then): the phone number and purpose go after <c>Retention:SmsDays</c>.</summary>
public sealed class SmsOutboxRetention(PortalDbContext db, RetentionSettings settings) : IRetentionTask
{
    public string Name => "sms-outbox";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-settings.SmsDays);
        return BatchDeletion.DeleteAsync(
            db.SmsOutbox.Where(m => m.NextAttemptAt == null && m.CreatedAt < cutoff),
            m => m.Id,
            batch => m => batch.Contains(m.Id),
            settings.BatchSize,
            cancellationToken);
    }
}
