using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Services.RealName;

/// <summary>The default: the local resident registry, filled by <c>import-residents</c>.</summary>
public sealed class LocalResidentRegistry(PortalDbContext db) : IRealNameVerifier
{
    public async Task<RealNameOutcome> VerifyAsync(string name, string residentIdNumber, CancellationToken cancellationToken)
    {
        // Every stored form of the number, so a rotation in progress does not hide a resident.
        var forms = ShanxiIdentity.Data.Protection.PersonalData.LookupForms(residentIdNumber);
        var registered = await db.Residents.AsNoTracking()
            .Where(r => forms.Contains(r.ResidentIdNumber))
            .Select(r => r.Name)
            .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return registered == name ? RealNameOutcome.Verified : RealNameOutcome.Mismatch;
    }
}
