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
}
