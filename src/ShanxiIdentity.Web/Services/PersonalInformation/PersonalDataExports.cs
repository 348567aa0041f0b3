using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using Sealing = ShanxiIdentity.Data.Protection.PersonalData;

namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>
/// 下载我的信息: a copy is prepared at once on request (one account's rows: a few hundred at most)
/// and sealed in its row; each format is taken once before it expires. Taking is a conditional
/// update of the row (taken-at still null, not expired), so two instances — or two tabs — cannot both
/// hand it out. Request and download are audited with the change they make.
/// </summary>
public sealed class PersonalDataExports(PortalDbContext db, PersonalDataSnapshot snapshot, AuditLog audit, TimeProvider clock, IConfiguration configuration)
{
    public const string HoursSetting = "PersonalData:ExportHours";

    public TimeSpan Lifetime => TimeSpan.FromHours(Math.Clamp(configuration.GetValue(HoursSetting, 24), 1, 24 * 7));

    /// <summary>The account's copies still listed (not yet deleted by retention), newest first.</summary>
    public Task<List<PersonalDataExport>> ListAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.PersonalDataExports.AsNoTracking().Where(e => e.AccountId == accountId).OrderByDescending(e => e.RequestedAt)
            .Select(e => new PersonalDataExport { Id = e.Id, AccountId = e.AccountId, RequestedAt = e.RequestedAt, PreparedAt = e.PreparedAt, ExpiresAt = e.ExpiresAt, JsonTakenAt = e.JsonTakenAt, PrintTakenAt = e.PrintTakenAt })
            .ToListAsync(cancellationToken);

    /// <summary>A new copy, unless one is still waiting to be taken (false then).</summary>
    public async Task<bool> RequestAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.PersonalDataExports.AnyAsync(e => e.AccountId == accountId && e.ExpiresAt > now && (e.JsonTakenAt == null || e.PrintTakenAt == null), cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var document = await snapshot.BuildAsync(accountId, now, cancellationToken).ConfigureAwait(false);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(document, JsonOptions);
        await audit.CommitAsync(
            () =>
            {
                var export = new PersonalDataExport
                {
                    Id = Guid.NewGuid(),
                    AccountId = accountId,
                    RequestedAt = now,
                    PreparedAt = clock.GetUtcNow().UtcDateTime,
                    ExpiresAt = now + Lifetime,
                    SealedContent = Sealing.SealExport(bytes),
                };
                db.PersonalDataExports.Add(export);
                audit.Record(AuditAction.PersonalDataRequested, accountId, detail: "导出编号 " + export.Id.ToString("N")[..8]);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// The copy, once per format: null when it is not the account's, expired, or already taken in
    /// that format. Marked taken and audited in one transaction before it is handed out.
    /// </summary>
    public async Task<JsonObject?> TakeAsync(Guid accountId, Guid exportId, bool print, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        byte[]? sealedContent = null;
        var taken = await audit.CommitAsync(
            async () =>
            {
                var mine = db.PersonalDataExports.Where(e => e.Id == exportId && e.AccountId == accountId && e.ExpiresAt > now && e.SealedContent != null);
                var marked = print
                    ? await mine.Where(e => e.PrintTakenAt == null).ExecuteUpdateAsync(set => set.SetProperty(e => e.PrintTakenAt, now), cancellationToken).ConfigureAwait(false)
                    : await mine.Where(e => e.JsonTakenAt == null).ExecuteUpdateAsync(set => set.SetProperty(e => e.JsonTakenAt, now), cancellationToken).ConfigureAwait(false);
                if (marked != 1)
                {
                    return false;
                }

                sealedContent = await mine.Select(e => e.SealedContent).SingleAsync(cancellationToken).ConfigureAwait(false);

                // Both formats taken: the copy itself is not kept for the rest of its time.
                await mine.Where(e => e.JsonTakenAt != null && e.PrintTakenAt != null).ExecuteUpdateAsync(set => set.SetProperty(e => e.SealedContent, (byte[]?)null), cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.PersonalDataDownloaded, accountId, detail: (print ? "打印页面 " : "JSON 文件 ") + "导出编号 " + exportId.ToString("N")[..8]);
                return true;
            },
            done => done,
            cancellationToken).ConfigureAwait(false);
        return taken && sealedContent is not null ? JsonNode.Parse(Sealing.OpenExport(sealedContent))!.AsObject() : null;
    }

    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
