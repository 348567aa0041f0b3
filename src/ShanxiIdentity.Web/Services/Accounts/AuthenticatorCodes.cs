using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A staff member's authenticator codes (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits, computed by
/// Otp.NET), checked here rather than by Identity's provider, which accepts codes two steps either
/// side and the same code again. A code is accepted at most one step from the portal's clock, and only for a step
/// later than the last one the account used (§5.2): the step is claimed by one conditional UPDATE,
/// so of two parallel uses of one code (on any instances) exactly one passes.
/// </summary>
public sealed class AuthenticatorCodes(PortalDbContext db, UserManager<Account> users, TimeProvider clock)
{
    public const int StepSeconds = 30;

    /// <summary>Steps of drift accepted either side of the clock's.</summary>
    public const int AllowedDrift = 1;

    /// <param name="lastStepSeen">
    /// The account's last used step when the sign-in began (carried by the staff ticket): the claim
    /// succeeds only if no sign-in completed since, which makes the ticket single use too.
    /// </param>
    public async Task<AuthenticatorVerdict> AcceptAsync(Account account, string digits, long? lastStepSeen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await users.GetAuthenticatorKeyAsync(account).ConfigureAwait(false) is not { Length: > 0 } key)
        {
            return AuthenticatorVerdict.Wrong;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key), StepSeconds);
        if (!totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, digits, out var used, new VerificationWindow(AllowedDrift, AllowedDrift)))
        {
            return AuthenticatorVerdict.Wrong;
        }

        if (lastStepSeen is { } last && used <= last)
        {
            return AuthenticatorVerdict.Used;
        }

        return await ClaimAsync(account, lastStepSeen, used, cancellationToken).ConfigureAwait(false) ? AuthenticatorVerdict.Accepted : AuthenticatorVerdict.Used;
    }

    /// <summary>
    /// A second factor other than the authenticator (an SMS or recovery code) completed a sign-in:
    /// the step moves on all the same, so the ticket of that sign-in is spent (the claim is the same
    /// conditional UPDATE: of two parallel uses of one ticket exactly one passes).
    /// </summary>
    public Task<bool> AdvanceAsync(Account account, long? lastStepSeen, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow().ToUnixTimeSeconds() / StepSeconds;
        return ClaimAsync(account, lastStepSeen, Math.Max(now, (lastStepSeen ?? 0) + 1), cancellationToken);
    }

    private async Task<bool> ClaimAsync(Account account, long? lastStepSeen, long used, CancellationToken cancellationToken)
    {
        var claimed = await db.Users
            .Where(a => a.Id == account.Id && a.LastAuthenticatorStep == lastStepSeen)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.LastAuthenticatorStep, used), cancellationToken)
            .ConfigureAwait(false);
        if (claimed != 1)
        {
            return false;
        }

        // The tracked account learns the claimed step as saved: not modified, so a later save (the
        // sign-in's session row) neither writes it again nor fails on a failure count saved meanwhile
        // by a parallel request with the same code (the SignInAttackTests burst).
        var tracked = db.Entry(account).Property(a => a.LastAuthenticatorStep);
        tracked.OriginalValue = used;
        tracked.CurrentValue = used;
        tracked.IsModified = false;
        return true;
    }
}
