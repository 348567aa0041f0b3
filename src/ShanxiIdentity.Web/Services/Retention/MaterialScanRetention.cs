using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Scans of a counter request's materials (ID cards, licences) once the request was decided more than
/// <c>Retention:ScanArchiveDays</c> ago: the hall's paper archive keeps the originals; the request,
/// its checked materials and its audit rows stay.
/// </summary>
public sealed class MaterialScanRetention(PortalDbContext db, RetentionSettings settings) : IRetentionTask
{
    public string Name => "material-scans";

    public Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var cutoff = now.AddDays(-settings.ScanArchiveDays);
        var archived = db.CounterRequests
            .Where(r => (r.Status == CounterRequestStatus.Approved || r.Status == CounterRequestStatus.Rejected || r.Status == CounterRequestStatus.Applied) && r.DecidedAt < cutoff)
            .SelectMany(r => r.Materials.Select(m => m.Id));
        return BatchDeletion.DeleteAsync(
            db.MaterialScans.Where(s => archived.Contains(s.CounterRequestMaterialId)),
            s => s.Id,
            batch => s => batch.Contains(s.Id),
            settings.BatchSize,
            cancellationToken);
    }
}
