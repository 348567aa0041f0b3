using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>An organisation's application, already checked field by field.</summary>
public sealed record LegalEntityApplication(
    LegalEntityType Type,
    string OrganisationName,
    CreditCode CreditCode,
    string RepresentativeName,
    ResidentIdNumber RepresentativeIdNumber,
    CreditCode? HeadOfficeCreditCode,
    string LoginName,
    MobilePhone Phone,
    string SmsCode,
    string Password);
