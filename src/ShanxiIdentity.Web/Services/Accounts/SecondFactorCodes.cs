using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A person's or organisation's second factor: which one the account uses (kept in Identity's user
/// tokens, no schema of its own), sending its SMS code, and checking a code — an authenticator code
/// (each step once, as for staff), an SMS code to the reserved phone, or a recovery code (once). Every
/// wrong code counts towards the password lockout; every right one moves the account's step on, which
/// spends the sign-in's ticket.
/// </summary>
public sealed class SecondFactorCodes(UserManager<Account> users, AuthenticatorCodes authenticator, SmsCodeService sms, PasswordSignIn passwords)
{
    private const string TokenProvider = "[ShanxiSecondFactor]";
    private const string MethodToken = "Method";

    /// <summary>The account's second factor (<see cref="AuthenticationMethods.OneTimePassword"/> or <see cref="AuthenticationMethods.Sms"/>); null when it has none.</summary>
    public async Task<string?> MethodAsync(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (!account.TwoFactorEnabled || account.Kind == AccountKind.Staff)
        {
            return null;
        }

        return await users.GetAuthenticationTokenAsync(account, TokenProvider, MethodToken).ConfigureAwait(false) == AuthenticationMethods.Sms
            ? AuthenticationMethods.Sms
            : AuthenticationMethods.OneTimePassword;
    }

    /// <summary>Staged on the account (saved by the caller's commit through Identity).</summary>
    public Task SetMethodAsync(Account account, string? method) =>
        method is null
            ? users.RemoveAuthenticationTokenAsync(account, TokenProvider, MethodToken)
            : users.SetAuthenticationTokenAsync(account, TokenProvider, MethodToken, method);

    public Task<SmsSendResult> SendAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return MobilePhone.Parse(account.PhoneNumber).Value is { } phone
            ? sms.SendAsync(phone, SmsPurpose.SecondFactor, AccountMessages.SmsSent(phone.Masked), cancellationToken)
            : Task.FromResult(new SmsSendResult(false, AccountMessages.NoReservedPhone));
    }

    /// <param name="recovery">The code typed is a recovery code rather than one of <paramref name="method"/>.</param>
    public async Task<SecondFactorVerdict> VerifyAsync(Account account, string method, string? code, bool recovery, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return new SecondFactorVerdict(null, new SignInResult(SignInOutcome.LockedOut, account.LockoutEnd).LockedMessage());
        }

        var typed = code?.Replace(" ", string.Empty, StringComparison.Ordinal).Trim() ?? string.Empty;
        var lastStep = account.LastAuthenticatorStep;
        if (recovery)
        {
            if (typed.Length == 0 || !(await users.RedeemTwoFactorRecoveryCodeAsync(account, typed).ConfigureAwait(false)).Succeeded)
            {
                return await WrongAsync(account, SecondFactorMessages.RecoveryCodeWrong).ConfigureAwait(false);
            }

            return await SpentAsync(account, lastStep, AuthenticationMethods.OneTimePassword, cancellationToken).ConfigureAwait(false);
        }

        if (typed.Length != 6 || !IdentifierText.AllAsciiDigits(typed))
        {
            return new SecondFactorVerdict(null, SecondFactorMessages.CodeFormat);
        }

        if (method == AuthenticationMethods.Sms)
        {
            if (MobilePhone.Parse(account.PhoneNumber).Value is not { } phone)
            {
                return new SecondFactorVerdict(null, AccountMessages.NoReservedPhone);
            }

            return await sms.VerifyAsync(phone, SmsPurpose.SecondFactor, typed, cancellationToken).ConfigureAwait(false) switch
            {
                SmsCodeVerdict.Passed => await SpentAsync(account, lastStep, AuthenticationMethods.Sms, cancellationToken).ConfigureAwait(false),
                SmsCodeVerdict.Wrong => await WrongAsync(account, SecondFactorMessages.CodeWrong).ConfigureAwait(false),
                var other => new SecondFactorVerdict(null, SmsCodeService.Message(other)),
            };
        }

        return await authenticator.AcceptAsync(account, typed, lastStep, cancellationToken).ConfigureAwait(false) switch
        {
            AuthenticatorVerdict.Accepted => new SecondFactorVerdict(AuthenticationMethods.OneTimePassword, null),

            // A replay, or a parallel use of the same code: no sign-in, but not a guess either.
            AuthenticatorVerdict.Used => new SecondFactorVerdict(null, SecondFactorMessages.CodeUsed),
            _ => await WrongAsync(account, SecondFactorMessages.CodeWrong).ConfigureAwait(false),
        };
    }

    private async Task<SecondFactorVerdict> SpentAsync(Account account, long? lastStep, string method, CancellationToken cancellationToken) =>
        await authenticator.AdvanceAsync(account, lastStep, cancellationToken).ConfigureAwait(false)
            ? new SecondFactorVerdict(method, null)
            : new SecondFactorVerdict(null, SecondFactorMessages.StartAgain);

    private async Task<SecondFactorVerdict> WrongAsync(Account account, string message)
    {
        var failure = await passwords.RecordFailureAsync(account).ConfigureAwait(false);
        return new SecondFactorVerdict(null, failure.Outcome == SignInOutcome.LockedOut ? failure.LockedMessage() : message);
    }
}
