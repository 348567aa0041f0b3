using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

public static class OpenAuthorizations
{
    /// <summary>An organisation's authorisations that still count (invited or accepted, not past their end), tracked for change.</summary>
    public static async Task<List<AgentAuthorization>> OpenForAsync(this DbSet<AgentAuthorization> authorizations, Guid organisation, DateOnly today, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorizations);
        var live = await authorizations
            .Where(a => a.OrganisationAccountId == organisation && (a.Status == AgentAuthorizationStatus.Invited || a.Status == AgentAuthorizationStatus.Accepted))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return [.. live.Where(a => a.IsOpen(today))];
    }
}
