using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

public static class PasswordReplacement
{
    /// <summary>
    /// Sets a new password once the caller has proved the holder (current password, or SMS code):
    /// one hash, the policy validator, and a new security stamp that ends every other session.
    /// </summary>
    public static async Task<IdentityResult> ReplacePasswordAsync(this UserManager<Account> users, Account account, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(users);
        var token = await users.GeneratePasswordResetTokenAsync(account).ConfigureAwait(false);
        return await users.ResetPasswordAsync(account, token, newPassword).ConfigureAwait(false);
    }

    /// <summary>
    /// A password set for someone who could not sign in (忘记密码, an administrator's staff reset): the
    /// new password, the lockout and failure count cleared, and every session row ended.
    /// </summary>
    public static async Task<IdentityResult> ReplacePasswordAndUnlockAsync(this UserManager<Account> users, SignInSessions sessions, Account account, string newPassword, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(sessions);
        var replaced = await users.ReplacePasswordAsync(account, newPassword).ConfigureAwait(false);
        if (replaced.Succeeded)
        {
            await users.SetLockoutEndDateAsync(account, null).ConfigureAwait(false);
            await users.ResetAccessFailedCountAsync(account).ConfigureAwait(false);
            await sessions.EndAllAsync(account.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return replaced;
    }
}
