using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Audit rows older than <c>Retention:AuditDays</c> (never under six months). With
/// <c>Retention:AuditArchiveDirectory</c> set, each batch is appended to a CSV file there, in the format
/// of the administrators' export, and flushed to disk before the batch is deleted: a failed write deletes nothing.
/// The one path that deletes audit rows; the portal's own saves refuse to (PortalDbContext).
/// </summary>
public sealed class AuditRetention(PortalDbContext db, AuditTrail trail, RetentionSettings settings) : IRetentionTask
{
    public string Name => "audit";

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-settings.AuditDays);
        var due = db.AuditEntries.AsNoTracking().Where(e => e.At < cutoff);
        string? archive = null;
        var total = 0;
        while (true)
        {
            var batch = await due.OrderBy(e => e.Id).Select(e => e.Id).Take(settings.BatchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count == 0)
            {
                return total;
            }

            if (settings.AuditArchiveDirectory is { } directory)
            {
                archive ??= Path.Combine(directory, $"audit-archive-{ChinaTime.Format(now, "yyyyMMdd-HHmmss")}-{Guid.NewGuid():N}.csv");
                var rows = await trail.RowsAsync(db.AuditEntries.AsNoTracking().Where(e => batch.Contains(e.Id)).OrderBy(e => e.Id), cancellationToken).ConfigureAwait(false);
                await AppendAsync(archive, rows, cancellationToken).ConfigureAwait(false);
            }

            total += await db.AuditEntries.Where(e => batch.Contains(e.Id)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            if (batch.Count < settings.BatchSize)
            {
                return total;
            }
        }
    }

    private static async Task AppendAsync(string path, IReadOnlyList<AuditRow> rows, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var fresh = !File.Exists(path);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        await using (stream.ConfigureAwait(false))
        {
            var text = (fresh ? AuditTrail.CsvHeader : string.Empty) + AuditTrail.ToCsvLines(rows);
            await stream.WriteAsync(new UTF8Encoding(false).GetBytes(text), cancellationToken).ConfigureAwait(false);
            stream.Flush(flushToDisk: true);
        }
    }
}
