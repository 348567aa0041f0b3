using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>An organisation as a new legal-entity account holds it, every field already checked.</summary>
public sealed record OrganisationDetails(
    LegalEntityType Type,
    string OrganisationName,
    string CreditCode,
    string RepresentativeName,
    string RepresentativeIdNumber,
    string? HeadOfficeCreditCode);
