using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// Staff sign in with password and a TOTP authenticator code (<see cref="AuthenticatorCodes"/>: each
/// step once, one step of drift). Between the two steps only a protected five-minute, single-use
/// ticket travels. The session is marked <c>amr=mfa</c>, which every counter policy requires.
/// Staff names are not for finding out or for locking (docs/decisions/0007-sign-in-sessions.md): an
/// unknown name costs the same hash and gets the same answer as a wrong password, and wrong
/// passwords never count towards the lockout (each needs a solved captcha, and is audited); only
/// wrong codes after a right password do, which only the holder of the password can cause.
/// </summary>
public sealed class StaffSignIn(
    PortalDbContext db,
    UserManager<Account> users,
    SignInManager<Account> signIn,
    ILookupNormalizer normalizer,
    PasswordSignIn passwords,
    StaffSignInTicket tickets,
    AuthenticatorCodes codes,
    UnknownNamePassword unknownName,
    PasswordHashSlots hashSlots,
    AccountChanges changes,
    AuditLog audit)
{
    private static string StaffLockedMessage(DateTimeOffset? until) =>
        CounterMessages.StaffLockedOut(until is { } end ? ChinaTime.ToMinute(end) : string.Empty);

    /// <summary>The portal's password rule for this member (the one 我的账号 uses), as one message; null when it passes.</summary>
    private static string? WeakPassword(Account account, string? password) =>
        PortalPasswordValidator.Check(account, password) is { Count: > 0 } errors ? string.Join("；", errors) : null;

    public const string MfaClaimType = Domain.Accounts.AuthenticationMethods.ClaimType;
    public const string MfaClaimValue = Domain.Accounts.AuthenticationMethods.MultiFactor;

    public async Task<StaffStepResult> PasswordAsync(string? loginName, string? password, CancellationToken cancellationToken)
    {
        var normalized = normalizer.NormalizeName(loginName?.Trim() ?? string.Empty);
        var account = await db.Users.SingleOrDefaultAsync(a => a.Kind == AccountKind.Staff && a.NormalizedUserName == normalized, cancellationToken).ConfigureAwait(false);
        if (account is null)
        {
            // Staff names are not for guessing: the same hash, the same audit row, the same answer as a wrong password.
            await hashSlots.RunAsync(() => Task.FromResult(unknownName.Verify(password ?? string.Empty)), cancellationToken).ConfigureAwait(false);
            await audit.WriteAsync(AuditAction.SignInFailed, null, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new StaffStepResult(StaffStep.Refused, Message: CounterMessages.StaffSignInFailed);
        }

        // Wrong passwords do not touch the lockout: whoever knows a staff name could otherwise lock its holder out.
        if (!await hashSlots.RunAsync(() => users.CheckPasswordAsync(account, password ?? string.Empty), cancellationToken).ConfigureAwait(false))
        {
            await audit.WriteAsync(AuditAction.SignInFailed, account.Id, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new StaffStepResult(StaffStep.Refused, Message: CounterMessages.StaffSignInFailed);
        }

        // Locked by wrong codes: only the holder of the password learns it.
        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return new StaffStepResult(StaffStep.Refused, Message: StaffLockedMessage(account.LockoutEnd));
        }

        return new StaffStepResult(account.TwoFactorEnabled ? StaffStep.Code : StaffStep.Enrol, tickets.Issue(account));
    }

    /// <summary>The account a ticket carries, if it is still valid (unexpired, unspent) and still a staff account.</summary>
    public async Task<Account?> HolderAsync(string? ticket, CancellationToken cancellationToken) =>
        tickets.AccountId(ticket) is { } id
        && await db.Users.SingleOrDefaultAsync(a => a.Id == id && a.Kind == AccountKind.Staff, cancellationToken).ConfigureAwait(false) is { } account
        && tickets.Holds(ticket, account)
            ? account
            : null;

    public async Task<StaffStepResult> CodeAsync(string? ticket, string? code, CancellationToken cancellationToken)
    {
        if (await HolderAsync(ticket, cancellationToken).ConfigureAwait(false) is not { TwoFactorEnabled: true } account)
        {
            return new StaffStepResult(StaffStep.Refused, Message: AccountMessages.ResetExpired);
        }

        if (await VerifyCodeAsync(account, code, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new StaffStepResult(StaffStep.Code, ticket, refusal);
        }

        await audit.CommitAsync(() => CompleteAsync(account), cancellationToken).ConfigureAwait(false);
        return new StaffStepResult(StaffStep.SignedIn);
    }

    /// <summary>First sign-in: the staff member's own password, and the first code of the new authenticator.</summary>
    public async Task<StaffStepResult> EnrolAsync(string? ticket, string newPassword, string? code, CancellationToken cancellationToken)
    {
        if (await HolderAsync(ticket, cancellationToken).ConfigureAwait(false) is not { TwoFactorEnabled: false } account)
        {
            return new StaffStepResult(StaffStep.Refused, Message: AccountMessages.ResetExpired);
        }

        // The password first: a refused one must not spend the code's step.
        if (WeakPassword(account, newPassword) is { } weak)
        {
            return new StaffStepResult(StaffStep.Enrol, ticket, weak);
        }

        if (await VerifyCodeAsync(account, code, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new StaffStepResult(StaffStep.Enrol, ticket, refusal);
        }

        var changed = await audit.CommitAsync(
            async () =>
            {
                var replaced = await users.ReplacePasswordAsync(account, newPassword).ConfigureAwait(false);
                if (replaced.Succeeded)
                {
                    await users.SetTwoFactorEnabledAsync(account, true).ConfigureAwait(false);
                    audit.Record(AuditAction.StaffEnrolled, account.Id);
                    await CompleteAsync(account).ConfigureAwait(false);
                }

                return replaced;
            },
            result => result.Succeeded,
            cancellationToken).ConfigureAwait(false);
        return changed.Succeeded
            ? new StaffStepResult(StaffStep.SignedIn)
            : new StaffStepResult(StaffStep.Enrol, ticket, string.Join("；", changed.Errors.Select(e => e.Description)));
    }

    /// <summary>
    /// 修改密码 by the staff member: the current password (counted towards the lockout like any),
    /// the new one under the portal's rule, the change and its audit row in one transaction, and every
    /// other session of the member ended (this one continues). Null when done; else the field and why.
    /// </summary>
    public async Task<(string Field, string Message)?> ChangeOwnPasswordAsync(Guid staffId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var account = await db.Users.SingleAsync(a => a.Id == staffId && a.Kind == AccountKind.Staff, cancellationToken).ConfigureAwait(false);
        var current = await passwords.CheckAsync(account, currentPassword).ConfigureAwait(false);
        if (current.Outcome != SignInOutcome.PasswordAccepted)
        {
            return ("CurrentPassword", current.Outcome == SignInOutcome.LockedOut ? StaffLockedMessage(current.LockedUntil) : AccountMessages.CurrentPasswordWrong);
        }

        if (WeakPassword(account, newPassword) is { } weak)
        {
            return ("Password", weak);
        }

        // The same change as 我的账号's: the new stamp refuses the other sessions; this one is re-issued with it (and keeps amr=mfa).
        var changed = await changes.ChangePasswordAsync(account, newPassword, cancellationToken).ConfigureAwait(false);
        return changed.Succeeded ? null : ("Password", string.Join("；", changed.Errors.Select(e => e.Description)));
    }

    public Task SignOutAsync(Guid staffId) =>
        audit.CommitAsync(async () =>
        {
            await signIn.SignOutAsync().ConfigureAwait(false);
            audit.Record(AuditAction.StaffSignedOut, staffId);
        });

    private async Task<string?> VerifyCodeAsync(Account account, string? code, CancellationToken cancellationToken)
    {
        if (await users.IsLockedOutAsync(account).ConfigureAwait(false))
        {
            return new Accounts.SignInResult(SignInOutcome.LockedOut, account.LockoutEnd).LockedMessage();
        }

        var digits = code?.Replace(" ", string.Empty, StringComparison.Ordinal) ?? string.Empty;
        if (digits.Length != 6 || !IdentifierText.AllAsciiDigits(digits))
        {
            return CounterMessages.StaffCodeFormat;
        }

        switch (await codes.AcceptAsync(account, digits, account.LastAuthenticatorStep, cancellationToken).ConfigureAwait(false))
        {
            case AuthenticatorVerdict.Accepted:
                return null;
            case AuthenticatorVerdict.Used:
                // A replay, or a parallel use of the same code: no sign-in, but not a guess either.
                return CounterMessages.StaffCodeUsed;
        }

        var failure = await passwords.RecordFailureAsync(account).ConfigureAwait(false);
        return failure.Outcome == SignInOutcome.LockedOut ? failure.LockedMessage() : CounterMessages.StaffCodeWrong;
    }

    /// <summary>The sign-in itself, inside the caller's commit: failures cleared, the session started, its audit row.</summary>
    private async Task CompleteAsync(Account account)
    {
        await passwords.ResetFailuresAsync(account).ConfigureAwait(false);
        await signIn.SignInWithClaimsAsync(account, isPersistent: false, [new Claim(MfaClaimType, MfaClaimValue)]).ConfigureAwait(false);
        audit.Record(AuditAction.StaffSignedIn, account.Id);
    }
}
