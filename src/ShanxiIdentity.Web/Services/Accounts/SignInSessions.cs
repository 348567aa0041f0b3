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
public sealed class SignInSessions(PortalDbContext db, TimeProvider clock, Agents.ActingSessions acting, SignInOrigin origin, NewBrowserNotice notice, BackChannel.BackChannelLogouts logouts)
{
    public const string ClaimType = "sid";

    /// <summary>How stale a session's <see cref="SignInSession.LastSeenAt"/> may be: one write per browser per interval at most.</summary>
    public static readonly TimeSpan SeenInterval = TimeSpan.FromMinutes(5);

    /// <summary>The session a principal belongs to, if it names one.</summary>
    public static Guid? IdOf(ClaimsPrincipal? principal) =>
        Guid.TryParseExact(principal?.FindFirst(ClaimType)?.Value, "N", out var id) ? id : null;

    public static Claim ClaimFor(Guid sessionId) => new(ClaimType, sessionId.ToString("N", CultureInfo.InvariantCulture));

    /// <summary>
    /// A new session, with how (<paramref name="methods"/>, amr values) and from where it was signed in
    /// (登录记录), and the new-browser SMS in the same save; a person with a default organisation
    /// (身份切换) acts for it from the start.
    /// </summary>
    public async Task<Guid> StartAsync(Account account, IReadOnlyCollection<string> methods, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(methods);
        var now = clock.GetUtcNow().UtcDateTime;
        var session = new SignInSession
        {
            Id = Guid.NewGuid(),
            AccountId = account.Id,
            CreatedAt = now,
            LastSeenAt = now,
            Methods = string.Join(' ', methods.Distinct()) is { Length: > 0 and <= 64 } amr ? amr : null,
            MaskedAddress = origin.MaskedAddress,
            Browser = origin.Browser,
            BrowserKeyHash = origin.BrowserKeyHash(),
        };
        await notice.QueueIfNewAsync(account, session.BrowserKeyHash, session.Browser, now, cancellationToken).ConfigureAwait(false);
        if (account.Kind == Domain.Accounts.AccountKind.Person)
        {
            session.ActingAuthorizationId = await acting.DefaultForAsync(account.Id, cancellationToken).ConfigureAwait(false);
        }

        db.SignInSessions.Add(session);

        // Inside a transaction (a sign-in and its audit row, AuditLog.CommitAsync) its save writes
        // the row with the rest: one batch, not two. Outside one, saved here.
        if (db.Database.CurrentTransaction is null)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return session.Id;
    }

    /// <summary>
    /// The account of an open session and the authorisation it acts under, in one query by the
    /// session's key: what every signed-in request costs (the security stamp is then compared in memory).
    /// </summary>
    public Task<OpenSession?> OpenAsync(Guid sessionId, Guid accountId, CancellationToken cancellationToken = default) =>
        db.SignInSessions
            .Where(s => s.Id == sessionId && s.AccountId == accountId && s.EndedAt == null)
            .Select(s => new OpenSession(
                s.Account!,
                s.ActingAuthorization,
                s.ActingAuthorization!.Organisation!.LegalEntity!.OrganisationName,
                db.AgentAuthorizations.Any(a => a.PersonAccountId == s.AccountId && a.Status == Domain.Agents.AgentAuthorizationStatus.Accepted),
                s.LastSeenAt ?? s.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Notes the session's request for 登录记录 (which sessions the sliding cookie still keeps open),
    /// when the last note is <see cref="SeenInterval"/> old: most requests write nothing.
    /// </summary>
    public Task SeenAsync(Guid sessionId, DateTime lastSeen, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return now - lastSeen < SeenInterval
            ? Task.CompletedTask
            : db.SignInSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(set => set.SetProperty(s => s.LastSeenAt, now), cancellationToken);
    }

    /// <summary>
    /// Back to 个人办事: the authorisation this session acted under has ended. Only if the session
    /// still acts under that one: a switch to another organisation made meanwhile stands.
    /// </summary>
    public Task StopActingAsync(Guid sessionId, Guid endedAuthorizationId, CancellationToken cancellationToken = default) =>
        db.SignInSessions
            .Where(s => s.Id == sessionId && s.ActingAuthorizationId == endedAuthorizationId)
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ActingAuthorizationId, (Guid?)null), cancellationToken);

    /// <summary>退出: this session only; the account's other browsers stay signed in. Client systems hear of it (back-channel logout).</summary>
    public async Task EndAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var accountId = await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAt == null).Select(s => (Guid?)s.AccountId).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        // Only the request that ends it tells the clients: never twice for one session.
        if (accountId is { } account
            && await db.SignInSessions.Where(s => s.Id == sessionId && s.EndedAt == null).ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken).ConfigureAwait(false) == 1)
        {
            await NotifyAsync(await logouts.QueueForSessionsAsync(account, [sessionId], BackChannel.BackChannelLogoutReasons.SignedOut, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Every session of the account but <paramref name="keep"/> (the browser that asked, if any).
    /// Beside a new security stamp, which already refuses them: the rows then say what is open.
    /// Client systems hear of it: of each ended session (退出其他设备), or of the whole account when none is kept (a password reset).
    /// </summary>
    public async Task EndAllAsync(Guid accountId, Guid? keep = null, bool tellClients = true, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.SignInSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != keep);
        var ending = keep is null ? [] : await open.Select(s => s.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        await open.ExecuteUpdateAsync(set => set.SetProperty(s => s.EndedAt, now), cancellationToken).ConfigureAwait(false);
        if (!tellClients)
        {
            return; // the caller queues its own logouts (account closing) and saves them with its change
        }

        await NotifyAsync(
            keep is null
                ? await logouts.QueueForAccountAsync(accountId, BackChannel.BackChannelLogoutReasons.AllSessionsEnded, cancellationToken).ConfigureAwait(false)
                : await logouts.QueueForSessionsAsync(accountId, ending, BackChannel.BackChannelLogoutReasons.SessionsEnded, cancellationToken).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task NotifyAsync(int queued, CancellationToken cancellationToken)
    {
        if (queued > 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            logouts.Ring();
        }
    }
}
