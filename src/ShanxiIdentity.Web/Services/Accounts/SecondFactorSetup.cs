using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 两步验证 on 我的账号: turned on with the current password and a right code of the chosen method,
/// off with the password and a code (or a recovery code); ten recovery codes shown once, renewable
/// with the same proof.
/// Each change, its audit row and its SMS notice to the reserved phone commit together; the new
/// stamp ends the other sessions, and this one, having just proved both, carries mfa.
/// </summary>
public sealed class SecondFactorSetup(
    UserManager<Account> users,
    PasswordSignIn passwords,
    SecondFactorCodes codes,
    SignInManager<Account> signIn,
    SmsOutbox outbox,
    AuditLog audit)
{
    public const int RecoveryCodeCount = 10;

    public async Task<SecondFactorChange> EnableAsync(Account account, string? password, string? method, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await codes.MethodAsync(account).ConfigureAwait(false) is not null)
        {
            return new SecondFactorChange(null, SecondFactorMessages.AlreadyEnabled);
        }

        if (method is not (AuthenticationMethods.OneTimePassword or AuthenticationMethods.Sms))
        {
            return new SecondFactorChange("Method", SecondFactorMessages.ChooseMethod);
        }

        if (await RefusedPasswordAsync(account, password).ConfigureAwait(false) is { } refused)
        {
            return refused;
        }

        var verdict = await codes.VerifyAsync(account, method, code, recovery: false, cancellationToken).ConfigureAwait(false);
        if (!verdict.Passed)
        {
            return new SecondFactorChange("Code", verdict.Refusal);
        }

        var recoveryCodes = await audit.CommitAsync(
            async () =>
            {
                await users.SetTwoFactorEnabledAsync(account, true).ConfigureAwait(false);
                await codes.SetMethodAsync(account, method).ConfigureAwait(false);
                var generated = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount).ConfigureAwait(false))!.ToList();
                audit.Record(AuditAction.SecondFactorEnabled, account.Id, detail: SecondFactorMessages.MethodName(method));
                Notify(account, method == AuthenticationMethods.Sms ? SecondFactorMessages.NoticeEnabledSms : SecondFactorMessages.NoticeEnabledApp);
                await RefreshAsync(account, [AuthenticationMethods.Password, method, AuthenticationMethods.MultiFactor]).ConfigureAwait(false);
                return generated;
            },
            _ => true,
            cancellationToken).ConfigureAwait(false);
        return SecondFactorChange.Done(recoveryCodes);
    }

    public async Task<SecondFactorChange> DisableAsync(Account account, string? password, string? code, bool recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (method, refused) = await ProveAsync(account, password, code, recovery, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        await audit.CommitAsync(
            async () =>
            {
                await users.SetTwoFactorEnabledAsync(account, false).ConfigureAwait(false);
                await codes.SetMethodAsync(account, null).ConfigureAwait(false);

                // A new key: an app still holding the old one no longer yields codes for this account.
                await users.ResetAuthenticatorKeyAsync(account).ConfigureAwait(false);
                audit.Record(AuditAction.SecondFactorDisabled, account.Id, detail: SecondFactorMessages.MethodName(method));
                Notify(account, SecondFactorMessages.NoticeDisabled);
                await RefreshAsync(account, []).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return SecondFactorChange.Done();
    }

    public async Task<SecondFactorChange> RenewRecoveryCodesAsync(Account account, string? password, string? code, bool recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (method, refused) = await ProveAsync(account, password, code, recovery, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var recoveryCodes = await audit.CommitAsync(
            async () =>
            {
                var generated = (await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount).ConfigureAwait(false))!.ToList();
                audit.Record(AuditAction.RecoveryCodesRenewed, account.Id);
                Notify(account, SecondFactorMessages.NoticeRecoveryCodes);
                return generated;
            },
            _ => true,
            cancellationToken).ConfigureAwait(false);
        return SecondFactorChange.Done(recoveryCodes);
    }

    /// <summary>The current password, counted towards the lockout like any (a right one leaves the count to the code).</summary>
    private async Task<SecondFactorChange?> RefusedPasswordAsync(Account account, string? password)
    {
        var checkedPassword = await passwords.CheckAsync(account, password ?? string.Empty, secondFactorFollows: true).ConfigureAwait(false);
        return checkedPassword.Outcome switch
        {
            SignInOutcome.PasswordAccepted => null,
            SignInOutcome.LockedOut => new SecondFactorChange("CurrentPassword", checkedPassword.LockedMessage()),
            _ => new SecondFactorChange("CurrentPassword", AccountMessages.CurrentPasswordWrong),
        };
    }

    private void Notify(Account account, string change)
    {
        if (MobilePhone.Parse(account.PhoneNumber).Value is { } phone)
        {
            outbox.Add(phone.Value, SmsMessages.SecondFactorChanged(change), SmsPurpose.SecondFactorNotice);
        }
    }

    private Task RefreshAsync(Account account, IReadOnlyCollection<string> methods) =>
        signIn is PortalSignInManager portal ? portal.RefreshSignInAsync(account, methods) : signIn.RefreshSignInAsync(account);

    /// <summary>Turning off or renewing codes: the factor must be on, and the password and a code (or a recovery code) proved.</summary>
    private async Task<(string Method, SecondFactorChange? Refused)> ProveAsync(Account account, string? password, string? code, bool recovery, CancellationToken cancellationToken)
    {
        if (await codes.MethodAsync(account).ConfigureAwait(false) is not { } method)
        {
            return (string.Empty, new SecondFactorChange(null, SecondFactorMessages.NotEnabled));
        }

        if (await RefusedPasswordAsync(account, password).ConfigureAwait(false) is { } refused)
        {
            return (method, refused);
        }

        var verdict = await codes.VerifyAsync(account, method, code, recovery, cancellationToken).ConfigureAwait(false);
        return (method, verdict.Passed ? null : new SecondFactorChange("Code", verdict.Refusal));
    }
}
