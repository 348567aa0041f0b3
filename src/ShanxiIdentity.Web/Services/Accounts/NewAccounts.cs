using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The steps every registration shares: prove the phone first (before any gateway or the database
/// is asked anything, so a form cannot be used to probe them), and at the end, in one transaction,
/// spend the SMS code, create the account built by <see cref="AccountFactory"/> and its audit row;
/// the unique indexes settle a race (the loser gets the caller's refusal, worked out after the fact).
/// </summary>
public sealed class NewAccounts(PortalDbContext db, AccountFactory factory, SmsCodeService smsCodes, AuditLog audit, Privacy.PrivacyConsents privacy, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Checks the registration code of the phone without spending it: the code's id when it passed, else the refusal.</summary>
    public async Task<(Guid? CodeId, RegistrationResult? Refusal)> ProvePhoneAsync(MobilePhone phone, string smsCode, CancellationToken cancellationToken)
    {
        var check = await smsCodes.CheckAsync(phone, SmsPurpose.Registration, smsCode, cancellationToken).ConfigureAwait(false);
        return check.Passed
            ? (check.CodeId, null)
            : (null, RegistrationResult.Refused(RegistrationField.SmsCode, SmsCodeService.Message(check.Verdict)));
    }

    /// <summary>A refusal that only a proven phone could get (a probe of the registry or the accounts) costs the code a try.</summary>
    public async Task<RegistrationResult> RefuseAfterProofAsync(Guid smsCodeId, RegistrationField field, string message, CancellationToken cancellationToken)
    {
        await smsCodes.CountTryAsync(smsCodeId, cancellationToken).ConfigureAwait(false);
        return RegistrationResult.Refused(field, message);
    }

    public async Task<RegistrationResult> CreateAsync(
        Account account,
        Guid smsCodeId,
        string password,
        string auditAction,
        Func<Task<RegistrationResult>> explainRace,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(explainRace);
        try
        {
            return await audit.CommitAsync(
                async () =>
                {
                    // Spent last, with the account: every earlier refusal, and a failure here, leave the proven code usable.
                    if (!await smsCodes.SpendAsync(smsCodeId, cancellationToken).ConfigureAwait(false))
                    {
                        return RegistrationResult.Refused(RegistrationField.SmsCode, AccountMessages.SmsCodeExpired);
                    }

                    var created = await factory.AddAsync(account, password).ConfigureAwait(false);
                    if (!created.Succeeded)
                    {
                        return created.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName))
                            ? await explainRace().ConfigureAwait(false)
                            : throw new InvalidOperationException("Identity refused a checked application: " + string.Join("; ", created.Errors.Select(e => e.Code)));
                    }

                    audit.Record(auditAction, account.Id);

                    // The registration form's checkbox accepts the 用户协议 and the current 隐私政策.
                    privacy.StageAtRegistration(account);
                    return new RegistrationResult(account);
                },
                result => result.Succeeded,
                cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another registration of the same identifier won the race; nothing of this one was written.
            db.ChangeTracker.Clear();
            return await explainRace().ConfigureAwait(false);
        }
    }
}
