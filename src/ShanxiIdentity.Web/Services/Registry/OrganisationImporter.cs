using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Registry;

/// <summary>Fills the local registry from UTF-8 CSV with the header <c>credit_code,name,legal_representative</c>.</summary>
public sealed class OrganisationImporter(PortalDbContext db, TimeProvider clock)
{
    public const string Header = "credit_code,name,legal_representative";

    public async Task<ImportReport> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var rows = new Dictionary<string, (string Name, string Representative)>(StringComparer.Ordinal);
        foreach (var (line, fields) in await CsvRecords.ReadAsync(csv, Header, skipped, cancellationToken).ConfigureAwait(false))
        {
            var code = CreditCode.Parse(fields[0]);
            var representative = PersonName.NormalizeName(fields[2]);
            if (!code.IsValid)
            {
                skipped.Add($"line {line}: {code.Error}");
            }
            else if (!LegalEntityRules.IsValidOrganisationName(fields[1]))
            {
                skipped.Add($"line {line}: {AccountMessages.OrganisationNameInvalid}");
            }
            else if (representative is null)
            {
                skipped.Add($"line {line}: {AccountMessages.NameInvalid}");
            }
            else
            {
                rows[code.Value!.Value] = (fields[1], representative);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Organisations.Where(o => rows.Keys.Contains(o.CreditCode))
            .ToDictionaryAsync(o => o.CreditCode, cancellationToken).ConfigureAwait(false);
        int added = 0, updated = 0;
        foreach (var (code, (name, representative)) in rows)
        {
            if (!existing.TryGetValue(code, out var record))
            {
                db.Organisations.Add(new OrganisationRecord { CreditCode = code, Name = name, LegalRepresentative = representative, ImportedAt = now });
                added++;
            }
            else if (record.Name != name || record.LegalRepresentative != representative)
            {
                record.Name = name;
                record.LegalRepresentative = representative;
                record.ImportedAt = now;
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(added, updated, skipped);
    }
}
