using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// The clerk's steps on a draft: tick each material against the original, archive its scan, and
/// submit. Each step loads the request, asks it, and saves its new state with the audit row.
/// </summary>
public sealed class CounterDesk(PortalDbContext db, AuditLog audit, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The request with its materials and scans, tracked for a step.</summary>
    public Task<CounterRequest?> FindAsync(Guid requestId, CancellationToken cancellationToken) =>
        db.CounterRequests.Include(r => r.Materials).ThenInclude(m => m.Scan)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken);

    public async Task<DeskOutcome> CheckMaterialAsync(Guid requestId, int position, bool isChecked, Guid clerkId, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if ((request is null ? new CounterRefusal(CounterMessages.NotEditable) : request.Tick(position, isChecked, Now)) is { } refusal)
        {
            return DeskOutcome.Refused(refusal);
        }

        audit.Record(AuditAction.MaterialChecked, request!.AccountId, clerkId, $"{Describe(request)} 第{position}项 {(isChecked ? "已核对" : "取消核对")}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(requestId);
    }

    public async Task<DeskOutcome> AttachScanAsync(Guid requestId, int position, string? fileName, byte[] content, Guid clerkId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (ScanFile.Refusal(content) is { } unfit)
        {
            // Refused by content before the database is asked anything.
            return DeskOutcome.Refused("Scan", unfit);
        }

        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        var replaced = request?.Materials.SingleOrDefault(m => m.Position == position)?.Scan;
        if ((request is null ? new CounterRefusal(CounterMessages.NotEditable) : request.AttachScan(position, fileName, content, c => PersonalData.SealScan(c), clerkId, Now)) is { } refusal)
        {
            return DeskOutcome.Refused(refusal);
        }

        if (replaced is not null)
        {
            db.MaterialScans.Remove(replaced);
        }

        var scan = request!.Materials.Single(m => m.Position == position).Scan!;
        audit.Record(AuditAction.ScanUploaded, request.AccountId, clerkId, $"{Describe(request)} 第{position}项 {ScanFile.Detect(content)} {content.Length}字节 sha256:{scan.Sha256[..16]}");
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(requestId);
    }

    /// <summary>The archived scan, for a staff member who downloads it (audited).</summary>
    public async Task<ScanDownload?> ScanAsync(Guid requestId, int position, Guid staffId, CancellationToken cancellationToken)
    {
        var request = await db.CounterRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken).ConfigureAwait(false);
        var scan = request is null ? null : await db.MaterialScans.AsNoTracking()
            .Where(s => db.CounterRequestMaterials.Any(m => m.Id == s.CounterRequestMaterialId && m.CounterRequestId == requestId && m.Position == position))
            .Select(s => new ScanDownload(s.FileName, s.ContentType, s.Content))
            .SingleOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (scan is null)
        {
            return null;
        }

        await audit.WriteAsync(AuditAction.ScanDownloaded, request!.AccountId, staffId, $"{Describe(request)} 第{position}项", cancellationToken).ConfigureAwait(false);
        return scan with { Content = PersonalData.OpenScan(scan.Content) };
    }

    public async Task<DeskOutcome> SubmitAsync(Guid requestId, Guid clerkId, CancellationToken cancellationToken)
    {
        var request = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if ((request is null ? new CounterRefusal(CounterMessages.NotEditable) : request.Submit(Now, ChinaTime.Today(clock))) is { } refusal)
        {
            return DeskOutcome.Refused(refusal);
        }

        audit.Record(AuditAction.RequestSubmitted, request!.AccountId, clerkId, Describe(request));
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new DeskOutcome(requestId);
    }

    /// <summary>Short description for the audit log, without identifiers in clear.</summary>
    public static string Describe(CounterRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"申请{Reference(request.Id)} {request.ChangeKind.DisplayName()} {request.UserType.DisplayName()}{(request.ByAgent ? " 代办" : string.Empty)}";
    }

    /// <summary>The number staff read out and write on paper: the first eight hex digits of the id.</summary>
    public static string Reference(Guid id) => id.ToString("N")[..8].ToUpperInvariant();
}
