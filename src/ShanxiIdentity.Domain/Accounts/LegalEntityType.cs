namespace ShanxiIdentity.Domain.Accounts;

/// <summary>法人类型, as the registration form offers them.</summary>
public enum LegalEntityType
{
    Enterprise = 1,
    EnterpriseBranch = 2,
    IndividualBusiness = 3,
    SocialOrganisation = 4,
    PublicInstitution = 5,
    PrivateNonEnterprise = 6,
}
