using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.Registry;

/// <summary>The default: the local registry table, filled by <c>import-organisations</c>.</summary>
public sealed class LocalOrganisationRegistry(PortalDbContext db) : IOrganisationRegistry
{
    public async Task<RegistryAnswer> LookUpAsync(string creditCode, CancellationToken cancellationToken)
    {
        var record = await db.Organisations.AsNoTracking()
            .Where(o => o.CreditCode == creditCode)
            .Select(o => new RegisteredOrganisation(o.Name, o.LegalRepresentative))
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return record is null ? new RegistryAnswer(RegistryOutcome.NotFound) : new RegistryAnswer(RegistryOutcome.Found, record);
    }
}
