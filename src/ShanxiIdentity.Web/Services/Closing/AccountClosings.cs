using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// 注销账号 asked for and cancelled. Online the holder proves the current password (the login's
/// count and lockout) and an SMS code to the reserved phone; the counter's four-eyes approval stages
/// the same request (<see cref="Stage"/>). Either way the cooling-off starts, a new security stamp
/// ends every other session, and the holder is told by SMS; the account's concurrency stamp makes a
/// request, a cancellation and the closing task that race each other save one outcome.
/// </summary>
public sealed class AccountClosings(
    PortalDbContext db,
    PasswordSignIn passwords,
    SmsCodeService codes,
    SmsOutbox outbox,
    SignInManager<Account> signIn,
    ClosingBlockers blockers,
    AuditLog audit,
    AccountClosingSettings settings,
    TimeProvider clock)
{
    public Task<IReadOnlyList<ClosingBlocker>> BlockersAsync(Account account, CancellationToken cancellationToken) =>
        blockers.ForAsync(account, exceptRequest: null, cancellationToken);

    public Task<SmsSendResult> SendCodeAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return MobilePhone.Parse(account.PhoneNumber).Value is { } phone
            ? codes.SendAsync(phone, SmsPurpose.AccountClosing, cancellationToken)
            : Task.FromResult(new SmsSendResult(false, ClosingMessages.NoReservedPhone));
    }

    /// <summary>The holder's own request: password, then the SMS code, then the closing with its audit row and notice.</summary>
    public async Task<ClosingOutcome> RequestAsync(Account account, string? password, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        var found = await BlockersAsync(account, cancellationToken).ConfigureAwait(false);
        if (ClosingRules.RequestRefusal(account.ClosingDueAt, account.ClosedAt, found) is { } refused)
        {
            return new ClosingOutcome(null, refused);
        }

        if (MobilePhone.Parse(account.PhoneNumber).Value is not { } phone)
        {
            return new ClosingOutcome(null, ClosingMessages.NoReservedPhone);
        }

        var checkedPassword = await passwords.CheckAsync(account, password ?? string.Empty).ConfigureAwait(false);
        if (checkedPassword.Outcome != SignInOutcome.PasswordAccepted)
        {
            return new ClosingOutcome("CurrentPassword", checkedPassword.Outcome == SignInOutcome.LockedOut ? checkedPassword.LockedMessage() : AccountMessages.CurrentPasswordWrong);
        }

        var verdict = await codes.VerifyAsync(phone, SmsPurpose.AccountClosing, code, cancellationToken).ConfigureAwait(false);
        if (verdict != SmsCodeVerdict.Passed)
        {
            return new ClosingOutcome("SmsCode", SmsCodeService.Message(verdict));
        }

        try
        {
            return await audit.CommitAsync(
                async () =>
                {
                    Stage(account, ClosingMessages.ChannelOnline, atCounter: false);
                    await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

                    // This browser stays signed in (to cancel, or to sign out); every other one ends.
                    await signIn.RefreshSignInAsync(account).ConfigureAwait(false);
                    return ClosingOutcome.Done(account.ClosingDueAt);
                },
                outcome => outcome.Succeeded,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ClosingOutcome(null, ClosingMessages.ChangedMeanwhile);
        }
    }

    /// <summary>
    /// Starts the cooling-off on the caller's unit of work (not saved): dates, a new security stamp
    /// (every session ends), the audit row and the SMS. The counter's approval calls it too.
    /// </summary>
    public SmsMessage? Stage(Account account, string channel, bool atCounter, Guid? actor = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = ClosingRules.DueAt(now, settings.CoolingOffDays);
        account.ClosingRequestedAt = now;
        account.ClosingDueAt = due;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        var dueText = ChinaTime.ToMinute(new DateTimeOffset(due, TimeSpan.Zero));
        audit.Record(AuditAction.ClosingRequested, account.Id, actor, ClosingMessages.AuditRequested(channel, dueText));
        return account.PhoneNumber is { } phone ? outbox.Add(phone, SmsMessages.ClosingRequested(dueText, atCounter), SmsPurpose.ClosingNotice) : null;
    }

    /// <summary>撤销注销 during the cooling-off (signed in by any method): the account is usable again at once.</summary>
    public async Task<ClosingOutcome> CancelAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (ClosingRules.CancelRefusal(account.ClosingDueAt, account.ClosedAt) is { } refused)
        {
            return new ClosingOutcome(null, refused);
        }

        account.ClosingRequestedAt = null;
        account.ClosingDueAt = null;
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
        audit.Record(AuditAction.ClosingCancelled, account.Id);
        if (account.PhoneNumber is { } phone)
        {
            outbox.Add(phone, SmsMessages.ClosingCancelled, SmsPurpose.ClosingNotice);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The closing task (or another cancel) saved first: nothing of this one was written.
            db.ChangeTracker.Clear();
            return new ClosingOutcome(null, ClosingMessages.ChangedMeanwhile);
        }

        return ClosingOutcome.Done();
    }
}
