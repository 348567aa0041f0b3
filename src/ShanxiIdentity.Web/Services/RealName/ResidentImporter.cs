using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.RealName;

/// <summary>Fills the local resident registry from UTF-8 CSV with the header <c>id_number,name</c>.</summary>
public sealed class ResidentImporter(PortalDbContext db, TimeProvider clock)
{
    public const string Header = "id_number,name";

    public async Task<ImportReport> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, fields) in await CsvRecords.ReadAsync(csv, Header, skipped, cancellationToken).ConfigureAwait(false))
        {
            var id = ResidentIdNumber.Parse(fields[0]);
            var name = PersonName.NormalizeName(fields[1]);
            if (!id.IsValid)
            {
                skipped.Add($"line {line}: {id.Error}");
            }
            else if (name is null)
            {
                skipped.Add($"line {line}: {AccountMessages.NameInvalid}");
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
            if (!existing.TryGetValue(id, out var record))
            {
                db.Residents.Add(new ResidentRecord { ResidentIdNumber = id, Name = name, ImportedAt = now });
                added++;
            }
            else if (record.Name != name)
            {
                record.Name = name;
                record.ImportedAt = now;
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(added, updated, skipped);
    }
}
