using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Privacy;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>
/// 谁查看了我的信息: the audit rows of looks at the account — staff searching, viewing, revealing or
/// downloading a scan (by role and hall as recorded in the row, never the name), and client systems
/// receiving the ID number or full phone through single sign-on — newest first, a page at a time.
/// </summary>
public sealed class DataViews(PortalDbContext db)
{
    public static IReadOnlyList<string> Actions { get; } =
        [AuditAction.CounterSearched, AuditAction.CounterAccountViewed, AuditAction.CounterRevealed, AuditAction.ScanDownloaded, AuditAction.SsoClaimsReleased];

    public async Task<DataViewsPage> PageAsync(Guid accountId, int page, CancellationToken cancellationToken)
    {
        page = Math.Clamp(page, 1, 10_000);
        var size = PrivacyMessages.ViewsPageSize;
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(e => e.SubjectAccountId == accountId && Actions.Contains(e.Action))
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * size).Take(size + 1)
            .Select(e => new { e.At, e.Action, e.ActorRole, e.ActorHall, e.Detail })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new DataViewsPage(
            page,
            rows.Count > size,
            [.. rows.Take(size).Select(r => new DataViewRow(
                ChinaTime.ToMinute(new DateTimeOffset(DateTime.SpecifyKind(r.At, DateTimeKind.Utc))),
                AuditAction.DisplayName(r.Action),
                r.Action == AuditAction.SsoClaimsReleased
                    ? r.Detail ?? string.Empty
                    : $"{r.ActorRole ?? "政务大厅工作人员"}（{r.ActorHall ?? PrivacyMessages.HallUnknown}）"))]);
    }
}
