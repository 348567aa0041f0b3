using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Audit;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// The one rewrite of the append-only audit log, when an account closes: the law keeps the rows
/// (what was done, when, to which account id) but not the person's data inside them. What goes is
/// the address the holder acted from, the names they typed (passkeys), the desktop they signed in
/// on (扫码登录), and the masked name and ID number of their 经办人 authorisations; what stays is the
/// action, the time, the pseudonymous account ids and the authorisation's id. Set-based updates, so
/// the context's guard against modified audit entities (which exists for every other path) is not
/// in the way, and nothing but these columns can change.
/// </summary>
public sealed class AuditScrubber(PortalDbContext db)
{
    private static readonly string[] FreeTextActions =
        [AuditAction.PasskeyAdded, AuditAction.PasskeyRenamed, AuditAction.PasskeyRemoved, AuditAction.QrSignInConfirmed, AuditAction.QrSignInCancelled];

    public async Task ScrubAsync(Guid accountId, CancellationToken cancellationToken)
    {
        // The holder's own acts: the address was theirs (staff acting on the account keep theirs).
        await db.AuditEntries.Where(e => e.ActorAccountId == accountId && e.ClientAddress != null)
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.ClientAddress, (string?)null), cancellationToken).ConfigureAwait(false);
        await db.AuditEntries.Where(e => e.SubjectAccountId == accountId && FreeTextActions.Contains(e.Action))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, (string?)null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows about the account's 经办人 authorisations keep only the authorisation's id (which every such detail names).</summary>
    public async Task ScrubAgentDetailsAsync(IEnumerable<Guid> authorizationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(authorizationIds);
        foreach (var id in authorizationIds)
        {
            var tag = $"#{id:N}";
            await db.AuditEntries.Where(e => e.Action.StartsWith("agent.") && e.Detail != null && e.Detail.Contains(tag))
                .ExecuteUpdateAsync(set => set.SetProperty(e => e.Detail, tag), cancellationToken).ConfigureAwait(false);
        }
    }
}
