using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.RealName;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>个人注册: one account per ID number, a real-name check, the SMS code of the reserved phone.</summary>
public sealed class PersonRegistration(AccountLocator locator, IRealNameVerifier realName, NewAccounts accounts)
{
    public async Task<RegistrationResult> RegisterAsync(PersonApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var (codeId, refusal) = await accounts.ProvePhoneAsync(application.Phone, application.SmsCode, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await locator.IdNumberTakenAsync(application.IdNumber.Value, cancellationToken).ConfigureAwait(false))
        {
            return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.IdNumber, SeedMessages.IdNumberAlreadyCertified, cancellationToken).ConfigureAwait(false);
        }

        if (application.UserName is { } chosen && await locator.UserNameTakenAsync(chosen, cancellationToken).ConfigureAwait(false))
        {
            return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.UserName, AccountMessages.UserNameTaken, cancellationToken).ConfigureAwait(false);
        }

        switch (await realName.VerifyAsync(application.Name, application.IdNumber.Value, cancellationToken).ConfigureAwait(false))
        {
            case RealNameOutcome.Mismatch:
                return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.Name, AccountMessages.RealNameMismatch, cancellationToken).ConfigureAwait(false);
            case RealNameOutcome.Unavailable:
                return RegistrationResult.Refused(RegistrationField.Name, AccountMessages.RealNameUnavailable);
        }

        var account = AccountFactory.Person(application.Name, application.IdNumber.Value, application.UserName, new FirstPhone(application.Phone.Value), accounts.Now);
        return await accounts.CreateAsync(account, codeId!.Value, application.Password, AuditAction.PersonRegistered,
            async () => await locator.IdNumberTakenAsync(application.IdNumber.Value, cancellationToken).ConfigureAwait(false)
                ? RegistrationResult.Refused(RegistrationField.IdNumber, SeedMessages.IdNumberAlreadyCertified)
                : RegistrationResult.Refused(RegistrationField.UserName, AccountMessages.UserNameTaken),
            cancellationToken).ConfigureAwait(false);
    }
}
