using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// 法人注册: one account per credit code and per 登录账号; a market-regulated type must be held by
/// the market-supervision registry under the name and representative given, otherwise the seed's
/// 非市场监督管理局管理企业. Other types are registered awaiting verification at the counter.
/// </summary>
public sealed class LegalEntityRegistration(AccountLocator locator, IOrganisationRegistry registry, NewAccounts accounts)
{
    public async Task<RegistrationResult> RegisterAsync(LegalEntityApplication application, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(application);
        var (codeId, refusal) = await accounts.ProvePhoneAsync(application.Phone, application.SmsCode, cancellationToken).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        if (await locator.CreditCodeTakenAsync(application.CreditCode.Value, cancellationToken).ConfigureAwait(false))
        {
            return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.CreditCode, SeedMessages.CreditCodeAlreadyCertified, cancellationToken).ConfigureAwait(false);
        }

        if (await locator.UserNameTakenAsync(application.LoginName, cancellationToken).ConfigureAwait(false))
        {
            return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.LoginName, SeedMessages.LoginNameTaken, cancellationToken).ConfigureAwait(false);
        }

        if (LegalEntityRules.CategoryMismatch(application.Type, application.CreditCode) is { } mismatch)
        {
            return RegistrationResult.Refused(RegistrationField.Type, mismatch);
        }

        var verified = false;
        if (application.Type.IsMarketRegulated())
        {
            var answer = await registry.LookUpAsync(application.CreditCode.Value, cancellationToken).ConfigureAwait(false);
            if (answer.Outcome == RegistryOutcome.Unavailable)
            {
                return RegistrationResult.Refused(RegistrationField.CreditCode, AccountMessages.RegistryUnavailable);
            }

            if (answer.Organisation is not { } held
                || !SameName(held.Name, application.OrganisationName)
                || !SameName(held.LegalRepresentative, application.RepresentativeName))
            {
                return await accounts.RefuseAfterProofAsync(codeId!.Value, RegistrationField.Type, SeedMessages.NotMarketSupervised, cancellationToken).ConfigureAwait(false);
            }

            verified = true;
        }

        var organisation = new OrganisationDetails(
            application.Type,
            application.OrganisationName,
            application.CreditCode.Value,
            application.RepresentativeName,
            application.RepresentativeIdNumber.Value,
            application.HeadOfficeCreditCode?.Value);
        var account = AccountFactory.LegalEntity(organisation, application.LoginName, new FirstPhone(application.Phone.Value), verified, accounts.Now);
        return await accounts.CreateAsync(account, codeId!.Value, application.Password, AuditAction.LegalEntityRegistered,
            async () => await locator.CreditCodeTakenAsync(application.CreditCode.Value, cancellationToken).ConfigureAwait(false)
                ? RegistrationResult.Refused(RegistrationField.CreditCode, SeedMessages.CreditCodeAlreadyCertified)
                : RegistrationResult.Refused(RegistrationField.LoginName, SeedMessages.LoginNameTaken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Names as people type them and as registries store them differ in width and spacing
    /// (（分公司） against (分公司)); NFKC with white space removed compares what they mean.
    /// </summary>
    private static bool SameName(string registered, string typed) =>
        string.Equals(Fold(registered), Fold(typed), StringComparison.Ordinal);

    private static string Fold(string name) =>
        string.Concat(Domain.Identifiers.IdentifierText.Nfkc(name).Where(c => !char.IsWhiteSpace(c)));
}
