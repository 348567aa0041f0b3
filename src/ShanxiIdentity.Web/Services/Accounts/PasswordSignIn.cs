using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Password check with the portal's lockout: five wrong passwords within fifteen minutes lock the
/// account for fifteen minutes. Identity counts failures without a window, so the window start is
/// kept on the account and an old run of failures is forgotten before counting a new one.
/// </summary>
public sealed class PasswordSignIn(UserManager<Account> users, SignInManager<Account> signIn, PortalDbContext db, AuditLog audit, TimeProvider clock, PasswordHashSlots hashSlots)
{
    /// <summary>More concurrent failures on one account than this is not a race but a flood.</summary>
    private const int MaxConcurrentRetries = 50;

    public static readonly TimeSpan FailureWindow = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Checks the password against the lockout rule; signs nobody in (see <see cref="SignInAsync"/>).
    /// When a second factor follows, a right password does not clear the count of failures, so
    /// wrong authenticator codes after it still add up to the lockout.
    /// </summary>
    public async Task<SignInResult> CheckAsync(Account account, string password, bool secondFactorFollows = false)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return new SignInResult(SignInOutcome.LockedOut, account.LockoutEnd);
        }

        if (await hashSlots.RunAsync(() => users.CheckPasswordAsync(account, password)).ConfigureAwait(false))
        {
            if (!secondFactorFollows)
            {
                await ResetFailuresAsync(account).ConfigureAwait(false);
            }

            return new SignInResult(SignInOutcome.PasswordAccepted);
        }

        return await RecordFailureAsync(account).ConfigureAwait(false);
    }

    public async Task ResetFailuresAsync(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.AccessFailedCount > 0)
        {
            account.FailedAccessWindowStart = null;
            await users.ResetAccessFailedCountAsync(account).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Counts a wrong secret (password, or a staff member's authenticator code) against the lockout.
    /// Concurrent failures are each counted: Identity saves with the account's concurrency stamp, and
    /// a save that lost the race reloads the account and counts again, so the lock falls exactly at
    /// the threshold, and a failure that arrives after it is answered as locked, not counted.
    /// </summary>
    /// <param name="detail">The audit rows' detail: which way in failed, when it was not the password.</param>
    public Task<SignInResult> RecordFailureAsync(Account account, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(account);

        // The count and its audit row commit together.
        return audit.CommitAsync(() => CountFailureAsync(account, detail), _ => true);
    }

    private async Task<SignInResult> CountFailureAsync(Account account, string? detail)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
            {
                return new SignInResult(SignInOutcome.LockedOut, account.LockoutEnd);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            if (account.FailedAccessWindowStart is not { } start || now - start > FailureWindow)
            {
                account.AccessFailedCount = 0;
                account.FailedAccessWindowStart = now;
            }

            // Increments the count, locks at the threshold, and saves the account with the window.
            var counted = await users.AccessFailedAsync(account).ConfigureAwait(false);
            if (counted.Succeeded)
            {
                break;
            }

            if (attempt >= MaxConcurrentRetries || counted.Errors.All(e => e.Code != nameof(IdentityErrorDescriber.ConcurrencyFailure)))
            {
                throw new InvalidOperationException("The failed sign-in could not be counted: " + string.Join("; ", counted.Errors.Select(e => e.Code)));
            }

            await db.Entry(account).ReloadAsync().ConfigureAwait(false);
        }

        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            account.FailedAccessWindowStart = null;
            await users.UpdateAsync(account).ConfigureAwait(false);
            audit.Record(AuditAction.LockedOut, account.Id, detail: detail);
            return new SignInResult(SignInOutcome.LockedOut, account.LockoutEnd);
        }

        audit.Record(AuditAction.SignInFailed, account.Id, detail: detail);
        return new SignInResult(SignInOutcome.WrongPassword);
    }

    /// <summary>The session started and its audit row, in one transaction.</summary>
    public Task SignInAsync(Account account) =>
        audit.CommitAsync(async () =>
        {
            await signIn.SignInWithClaimsAsync(account, isPersistent: false, SignInMethods.Claims([Domain.Accounts.AuthenticationMethods.Password])).ConfigureAwait(false);
            audit.Record(AuditAction.SignedIn, account.Id);
        });
}
