using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.RealName;

public sealed record ImportReport(int Added, int Updated, IReadOnlyList<string> Skipped);

/// <summary>Fills the local resident registry from UTF-8 CSV with the header <c>id_number,name</c>.</summary>
public sealed class ResidentImporter(PortalDbContext db, TimeProvider clock)
{
    public const string Header = "id_number,name";

    public async Task<ImportReport> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var header = await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false);
        if (header?.Trim().TrimStart('\uFEFF') != Header)
        {
            throw new InvalidDataException($"The first line must be the header \"{Header}\".");
        }

        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var lineNumber = 1;
        while (await csv.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var fields = line.Split(',');
            var id = fields.Length == 2 ? ResidentIdNumber.Parse(Unquote(fields[0])) : null;
            var name = fields.Length == 2 ? PersonName.NormalizeName(Unquote(fields[1])) : null;
            if (id is null || name is null)
            {
                skipped.Add($"line {lineNumber}: expected two fields, {Header}");
            }
            else if (!id.IsValid)
            {
                skipped.Add($"line {lineNumber}: {id.Error}");
            }
            else
            {
                rows[id.Value!.Value] = name;
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Residents.Where(r => rows.Keys.Contains(r.ResidentIdNumber))
            .ToDictionaryAsync(r => r.ResidentIdNumber, cancellationToken).ConfigureAwait(false);
        int added = 0, updated = 0;
        foreach (var (id, name) in rows)
        {
            if (existing.TryGetValue(id, out var record))
            {
                if (record.Name != name)
                {
                    record.Name = name;
                    record.ImportedAt = now;
                    updated++;
                }
            }
            else
            {
                db.Residents.Add(new ResidentRecord { ResidentIdNumber = id, Name = name, ImportedAt = now });
                added++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(added, updated, skipped);
    }

    private static string Unquote(string field) => field.Trim().Trim('"').Trim();
}
