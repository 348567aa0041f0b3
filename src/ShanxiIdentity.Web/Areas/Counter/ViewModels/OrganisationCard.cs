using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>法人账号's lines on the account page; the representative's ID number as shown (masked unless revealed).</summary>
public sealed record OrganisationCard(
    string Name,
    LegalEntityType Type,
    string CreditCode,
    string RepresentativeName,
    string RepresentativeIdNumber,
    bool Verified,
    bool VerifiedAtCounter);
