using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Guidance;

namespace ShanxiIdentity.Web.Services.Halls;

/// <summary>Fills the list of 政务大厅 from UTF-8 CSV with the header <c>city,name,address,hours,phone</c>.</summary>
public sealed class HallImporter(PortalDbContext db, TimeProvider clock)
{
    public const string Header = "city,name,address,hours,phone";

    public async Task<ImportReport> ImportAsync(TextReader csv, CancellationToken cancellationToken = default)
    {
        var skipped = new List<string>();
        var rows = new Dictionary<(string City, string Name), (string Address, string Hours, string Phone)>();
        foreach (var (line, fields) in await CsvRecords.ReadAsync(csv, Header, skipped, cancellationToken).ConfigureAwait(false))
        {
            var city = HallCity.Normalize(fields[0]);
            if (city is null)
            {
                skipped.Add($"line {line}: the city must be one of {string.Join(" ", HallCity.All)}");
            }
            else if (fields[1].Length is 0 or > 100 || fields[2].Length is 0 or > 200 || fields[3].Length > 100 || fields[4].Length > 50)
            {
                skipped.Add($"line {line}: name (1-100), address (1-200), hours (<= 100) and phone (<= 50 characters) are required as such");
            }
            else
            {
                rows[(city, fields[1])] = (fields[2], fields[3], fields[4]);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.ServiceHalls.ToDictionaryAsync(h => (h.City, h.Name), cancellationToken).ConfigureAwait(false);
        int added = 0, updated = 0;
        foreach (var ((city, name), (address, hours, phone)) in rows)
        {
            if (!existing.TryGetValue((city, name), out var hall))
            {
                db.ServiceHalls.Add(new ServiceHall { City = city, Name = name, Address = address, Hours = hours, Phone = phone, ImportedAt = now });
                added++;
            }
            else if (hall.Address != address || hall.Hours != hours || hall.Phone != phone)
            {
                (hall.Address, hall.Hours, hall.Phone, hall.ImportedAt) = (address, hours, phone, now);
                updated++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new ImportReport(added, updated, skipped);
    }
}
