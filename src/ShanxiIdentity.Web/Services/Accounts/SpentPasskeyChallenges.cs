using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A passkey ceremony's challenge, used once: Identity keeps the ceremony's state in a cookie it
/// checks but cannot take back, so a copy of that cookie (with the request that carried it) could
/// repeat a sign-in, or add a further passkey on one password proof. The challenge the browser
/// signed is written down, on every instance, before anything is told.
/// </summary>
public sealed class SpentPasskeyChallenges(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How long a spent challenge is remembered: longer than Identity's ceremony state lives.</summary>
    private static readonly TimeSpan SpentFor = TimeSpan.FromMinutes(15);

    /// <summary>False for a challenge already spent (by a replay, or a concurrent request) or none readable.</summary>
    public async Task<bool> SpendAsync(string credentialJson, CancellationToken cancellationToken)
    {
        if (PasskeyCredentials.ChallengeKey(credentialJson) is not { } key
            || await db.SpentCaptchas.AnyAsync(c => c.Id == key, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var spent = db.SpentCaptchas.Add(new SpentCaptcha { Id = key, ExpiresAt = clock.GetUtcNow().UtcDateTime + SpentFor });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            spent.State = EntityState.Detached;
            return false;
        }
    }
}
