using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 短信验证码登录: a code to the reserved phone of exactly one account of the chosen kind signs
/// that account in. Nothing tells a stranger whether a phone has an account: a phone without one
/// (or shared by two) gets a decoy send (the same interval, budget, tries and answer, no message),
/// and a wrong code is answered alike. Wrong codes count towards the account's lockout through
/// <see cref="PasswordSignIn"/>; the lock and <see cref="LoginGate"/>'s refusals are told only to
/// whoever typed the right code.
/// </summary>
public sealed class SmsSignIn(
    PortalDbContext db,
    SmsCodeService sms,
    PasswordSignIn passwordSignIn,
    SignInManager<Account> signIn,
    LoginGate gate,
    AuditLog audit)
{
    /// <summary>The audit rows' detail for this way in.</summary>
    public const string AuditDetail = "短信验证码登录 amr=" + AuthenticationMethods.Sms;

    /// <summary>获取短信验证码: a real send to the holder's phone, else a decoy with the same answer.</summary>
    public async Task<SmsSendResult> SendAsync(AccountKind kind, MobilePhone phone, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        return await HolderAsync(kind, phone, cancellationToken).ConfigureAwait(false) is null
            ? await sms.DecoyAsync(phone, SmsPurpose.SignIn, cancellationToken).ConfigureAwait(false)
            : await sms.SendAsync(phone, SmsPurpose.SignIn, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks the code and, when it is right and nothing refuses the account, signs it in.</summary>
    public async Task<SmsSignInResult> SignInAsync(AccountKind kind, MobilePhone phone, string? code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var holder = await HolderAsync(kind, phone, cancellationToken).ConfigureAwait(false);
        var check = await sms.CheckAsync(phone, SmsPurpose.SignIn, code, cancellationToken).ConfigureAwait(false);
        if (!check.Passed)
        {
            if (check.Verdict == SmsCodeVerdict.Wrong && holder is not null)
            {
                // Counted as a wrong password is; the answer stays the code's, so a lock is not a sign of an account.
                await passwordSignIn.RecordFailureAsync(holder, AuditDetail).ConfigureAwait(false);
            }
            else if (check.Verdict == SmsCodeVerdict.Wrong)
            {
                // A wrong code for a decoy is logged too (no account to name): a write like the holder's
                // count, so the answer's time does not tell the two apart.
                audit.Record(AuditAction.SignInFailed, subject: null, detail: AuditDetail);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            return new SmsSignInResult(SmsSignInOutcome.CodeRefused, SmsCodeService.Message(check.Verdict));
        }

        // Spent before anything else is told: one code, one answer. A code sent while the phone had
        // one holder that no longer holds it alone opens nothing.
        if (!await sms.SpendAsync(check.CodeId!.Value, cancellationToken).ConfigureAwait(false) || holder is null)
        {
            return new SmsSignInResult(SmsSignInOutcome.CodeRefused, AccountMessages.SmsCodeExpired);
        }

        if (await gate.LockedOutAsync(holder).ConfigureAwait(false) is { } locked)
        {
            return new SmsSignInResult(SmsSignInOutcome.LockedOut, locked, holder);
        }

        if (await gate.RefusalAsync(holder, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new SmsSignInResult(SmsSignInOutcome.Gate, refusal, holder);
        }

        // An SMS code is one factor, and a second factor may itself be an SMS code to the same phone:
        // an account that turned on 两步验证 signs in with its password and then that factor.
        if (holder.TwoFactorEnabled)
        {
            return new SmsSignInResult(SmsSignInOutcome.Gate, SecondFactorMessages.UsePasswordLogin, holder);
        }

        await audit.CommitAsync(async () =>
        {
            await passwordSignIn.ResetFailuresAsync(holder).ConfigureAwait(false);
            await signIn.SignInWithClaimsAsync(holder, isPersistent: false, [new Claim(AuthenticationMethods.ClaimType, AuthenticationMethods.Sms)]).ConfigureAwait(false);
            audit.Record(AuditAction.SignedIn, holder.Id, detail: AuditDetail);
        }, cancellationToken).ConfigureAwait(false);
        return new SmsSignInResult(SmsSignInOutcome.SignedIn, Account: holder);
    }

    /// <summary>The one account of the kind whose confirmed reserved phone this is; null for none or several.</summary>
    private async Task<Account?> HolderAsync(AccountKind kind, MobilePhone phone, CancellationToken cancellationToken)
    {
        var forms = PersonalData.LookupForms(phone.Value);
        var holders = await db.Users.Include(a => a.LegalEntity)
            .Where(a => a.Kind == kind && a.PhoneNumberConfirmed && forms.Contains(a.PhoneNumber!))
            .Take(2)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return holders.Count == 1 ? holders[0] : null;
    }
}
