using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sessions;
using ShanxiIdentity.Web.Models.Account;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 我的账号 › 登录记录 from the session rows every instance shares: an account's recent sign-ins,
/// its sessions open now, and 退出该设备 for one of them.
/// </summary>
public sealed class SignInHistory(PortalDbContext db, TimeProvider clock, AuditLog audit, IOptionsMonitor<CookieAuthenticationOptions> cookies, BackChannel.BackChannelLogouts logouts)
{
    public async Task<SignInHistoryView> ForAsync(Guid accountId, Guid? current, CancellationToken cancellationToken)
    {
        var recent = await db.SignInSessions.Where(s => s.AccountId == accountId)
            .OrderByDescending(s => s.CreatedAt).Take(SignInHistoryMessages.RecentCount)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var since = OpenSince();
        var open = await db.SignInSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && (s.LastSeenAt ?? s.CreatedAt) > since)
            .OrderByDescending(s => s.CreatedAt)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return new SignInHistoryView([.. recent.Select(s => Entry(s, current))], [.. open.Select(s => Entry(s, current))]);
    }

    /// <summary>
    /// 退出该设备: ends one other open session of the account, with its audit row in the same save.
    /// False when the account has no such session (another account's, this browser's own, or none).
    /// </summary>
    public async Task<bool> EndAsync(Guid accountId, Guid sessionId, Guid? current, CancellationToken cancellationToken)
    {
        var session = await db.SignInSessions.SingleOrDefaultAsync(s => s.Id == sessionId && s.AccountId == accountId, cancellationToken).ConfigureAwait(false);
        if (session is null || session.Id == current)
        {
            return false;
        }

        if (session.EndedAt is null)
        {
            await audit.CommitAsync(
                async () =>
                {
                    session.EndedAt = clock.GetUtcNow().UtcDateTime;
                    audit.Record(AuditAction.SessionEnded, accountId, detail: sessionId.ToString("N", System.Globalization.CultureInfo.InvariantCulture));
                    await logouts.QueueForSessionsAsync(accountId, [sessionId], BackChannel.BackChannelLogoutReasons.SessionsEnded, cancellationToken).ConfigureAwait(false);
                },
                cancellationToken).ConfigureAwait(false);
            logouts.Ring();
        }

        return true;
    }

    /// <summary>
    /// A session is open while its sliding cookie can still be valid: last seen within the cookie's
    /// lifetime, plus the interval by which the last-seen note may lag.
    /// </summary>
    private DateTime OpenSince() =>
        clock.GetUtcNow().UtcDateTime - cookies.Get(IdentityConstants.ApplicationScheme).ExpireTimeSpan - SignInSessions.SeenInterval;

    private static SignInEntry Entry(SignInSession s, Guid? current) => new(
        s.Id,
        ChinaTime.Format(s.CreatedAt, "yyyy-MM-dd HH:mm"),
        SignInHistoryMessages.Methods(s.Methods),
        s.MaskedAddress ?? SignInHistoryMessages.UnknownAddress,
        s.Browser ?? BrowserDescription.Unknown,
        s.Id == current);
}
