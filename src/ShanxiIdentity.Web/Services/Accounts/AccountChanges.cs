using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The changes a holder makes to their own account (我的账号, 忘记密码), each with its audit row in
/// one transaction: what Identity saves on its own, the session rows it ends and the row commit
/// together or not at all. The checks before them (current password, SMS codes) are the caller's.
/// </summary>
public sealed class AccountChanges(UserManager<Account> users, SignInManager<Account> signIn, SignInSessions sessions, ReservedPhones phones, AuditLog audit)
{
    /// <summary>修改密码: the new password and stamp; the other sessions end, this one is re-issued with the new stamp.</summary>
    public Task<IdentityResult> ChangePasswordAsync(Account account, string newPassword, CancellationToken cancellationToken) =>
        audit.CommitAsync(
            async () =>
            {
                // The current password was checked by the caller (with the lockout count): no second verification.
                var changed = await users.ReplacePasswordAsync(account, newPassword).ConfigureAwait(false);
                if (changed.Succeeded)
                {
                    await signIn.RefreshSignInAsync(account).ConfigureAwait(false);
                    audit.Record(AuditAction.PasswordChanged, account.Id);
                }

                return changed;
            },
            result => result.Succeeded,
            cancellationToken);

    /// <summary>忘记密码's last step: the new password, the lockout cleared, every session ended.</summary>
    public Task<IdentityResult> ResetPasswordAsync(Account account, string newPassword, CancellationToken cancellationToken) =>
        audit.CommitAsync(
            async () =>
            {
                var reset = await users.ReplacePasswordAndUnlockAsync(sessions, account, newPassword, cancellationToken).ConfigureAwait(false);
                if (reset.Succeeded)
                {
                    audit.Record(AuditAction.PasswordReset, account.Id);
                }

                return reset;
            },
            result => result.Succeeded,
            cancellationToken);

    /// <summary>
    /// 修改手机号 online, both phones proven by the caller. Set directly, not through Identity's
    /// SetPhoneNumberAsync (which renews the stamp): the holder chooses whether other sessions end.
    /// </summary>
    public Task ChangePhoneAsync(Account account, string newPhone, CancellationToken cancellationToken) =>
        audit.CommitAsync(
            async () =>
            {
                await phones.ChangeAsync(account, newPhone, PhoneChangeChannel.Online, counterRequestId: null, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.PhoneChanged, account.Id);
            },
            cancellationToken);

    /// <summary>退出其他设备: a new stamp ends every other session; this one is re-issued with it.</summary>
    public Task SignOutOthersAsync(Account account, CancellationToken cancellationToken) =>
        audit.CommitAsync(
            async () =>
            {
                await users.UpdateSecurityStampAsync(account).ConfigureAwait(false);
                await signIn.RefreshSignInAsync(account).ConfigureAwait(false);
                audit.Record(AuditAction.OtherSessionsSignedOut, account.Id);
            },
            cancellationToken);
}
