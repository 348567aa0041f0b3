using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>Reads the append-only audit log for administrators: search, and export as CSV.</summary>
public sealed class AuditTrail(PortalDbContext db, AccountLocator locator)
{
    public const int PageSize = 100;
    public const int ExportLimit = 100_000;

    public const string CsvHeader = "\uFEFF时间,操作人,操作,操作代码,账号,详情,来源地址\r\n";

    public async Task<IReadOnlyList<AuditRow>> SearchAsync(AuditQuery query, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            entries = entries.Where(e => e.Action == query.Action);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            var actor = query.Actor.Trim().ToUpperInvariant();
            var actorIds = db.Users.Where(u => u.NormalizedUserName == actor).Select(u => (Guid?)u.Id);
            entries = entries.Where(e => actorIds.Contains(e.ActorAccountId));
        }

        if (!string.IsNullOrWhiteSpace(query.Account))
        {
            var subject = await locator.FindForCounterAsync(query.Account, cancellationToken).ConfigureAwait(false);
            var subjectId = subject?.Id ?? Guid.Empty;
            entries = entries.Where(e => e.SubjectAccountId == subjectId);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            entries = entries.Where(e => e.At < end);
        }

        return await RowsAsync(entries.OrderByDescending(e => e.Id).Take(limit), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The rows as administrators read them (account names, not ids), in the order given.</summary>
    public async Task<IReadOnlyList<AuditRow>> RowsAsync(IQueryable<AuditEntry> ordered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var rows = await ordered
            .Select(e => new
            {
                e.Id,
                e.At,
                Actor = db.Users.Where(u => u.Id == e.ActorAccountId).Select(u => u.UserName).FirstOrDefault(),
                e.Action,
                e.ActorAccountId,
                e.SubjectAccountId,
                Account = db.Users.Where(u => u.Id == e.SubjectAccountId).Select(u => u.UserName).FirstOrDefault(),
                e.Detail,
                e.ClientAddress,
            })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new AuditRow(r.Id, r.At, Display(r.Actor, r.ActorAccountId), r.Action, Display(r.Account, r.SubjectAccountId), r.Detail, r.ClientAddress)).ToList();
    }

    /// <summary>UTF-8 with BOM (Excel opens it as Chinese); cells that a spreadsheet would run as formulas are quoted with '.</summary>
    public static string ToCsv(IEnumerable<AuditRow> rows) => CsvHeader + ToCsvLines(rows);

    /// <summary>The rows without the header, for a file written a batch at a time (the retention job's archive).</summary>
    public static string ToCsvLines(IEnumerable<AuditRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[] { row.AtText, row.Actor, row.ActionName, row.Action, row.Account, row.Detail, row.ClientAddress }.Select(Cell)).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Cell(string? value)
    {
        var text = value ?? string.Empty;
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }

    /// <summary>A person without a chosen 用户名 shows by the short reference of the account, not the internal name.</summary>
    private static string? Display(string? userName, Guid? id) =>
        userName is not null && userName.StartsWith(AccountLocator.InternalUserNamePrefix, StringComparison.Ordinal) && id is { } known
            ? "个人账号 " + CounterDesk.Reference(known)
            : userName;
}
