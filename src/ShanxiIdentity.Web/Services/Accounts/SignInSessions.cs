using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The server-side record of each signed-in browser (docs/decisions/0007-sign-in-sessions.md): the
/// sign-in cookie names its row in the claim <see cref="ClaimType"/>, and a cookie whose row is
/// ended or missing is refused on every instance, however valid its encryption and expiry.
/// </summary>
public sealed class SignInSessions(PortalDbContext db, TimeProvider clock)
{
    public const string ClaimType = "sid";

    /// <summary>The session a principal belongs to, if it names one.</summary>
    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParseExact(principal?.FindFirst(ClaimType)?.Value, "N", out var id) ? id : null;

    public static Claim ClaimFor(Guid sessionId) => new(ClaimType, sessionId.ToString("N", CultureInfo.InvariantCulture));

    public async Task<Guid> StartAsync(Guid accountId, CancellationToken cancellationToken = default)
    {
        var session = new SignInSession { Id = Guid.NewGuid(), AccountId = accountId, CreatedAt = clock.GetUtcNow().UtcDateTime };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return session.Id;
    }

    /// <summary>
    /// The account of an open session, in one query by the session's key: what every signed-in
    /// request costs (the security stamp is then compared in memory).
    /// </summary>
    public Task<Account?> OpenAccountAsync(Guid sessionId, Guid accountId, CancellationToken cancellationToken = default) =>
        db.SignInSessions
            .Where(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null)
            .Select(s => s.Account)
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>退出: this session only; the account's other browsers stay signed in.</summary>
    public Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SignInSessions
            .Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken);
    }

    /// <summary>
    /// Every session of the account but <paramref name="keep"/> (the browser that asked, if any).
    /// Beside a new security stamp, which already refuses them: the rows then say what is open.
    /// </summary>
    public Task EndAllAsync(Guid accountId, Guid? keep = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.SignInSessions
            .Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != keep)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken);
    }
}
