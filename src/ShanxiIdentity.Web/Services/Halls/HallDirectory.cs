using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Guidance;

namespace ShanxiIdentity.Web.Services.Halls;

/// <summary>The list of 政务大厅, filtered by city; the province's own hall first, then the cities in their order.</summary>
public sealed class HallDirectory(PortalDbContext db)
{
    public async Task<IReadOnlyList<HallListing>> ListAsync(string? city, CancellationToken cancellationToken)
    {
        var query = db.ServiceHalls.AsNoTracking();
        if (HallCity.Normalize(city) is { } only)
        {
            query = query.Where(h => h.City == only);
        }

        var halls = await query.Select(h => new HallListing(h.City, h.Name, h.Address, h.Hours, h.Phone))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. halls.OrderBy(h => HallCityOrder(h.City)).ThenBy(h => h.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every hall's name, in the listing's order (a staff member's hall is chosen among them).</summary>
    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken cancellationToken) =>
        [.. (await ListAsync(null, cancellationToken).ConfigureAwait(false)).Select(h => h.Name).Distinct()];

    private static int HallCityOrder(string city) => HallCity.All.ToList().IndexOf(city);
}
