using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Data.Entities;

/// <summary>法人账号: the organisation behind a legal-entity account.</summary>
public class LegalEntityProfile
{
    public Guid AccountId { get; set; }

    public LegalEntityType Type { get; set; }

    public required string OrganisationName { get; set; }

    /// <summary>统一社会信用代码, normalised; unique across the portal.</summary>
    public required string CreditCode { get; set; }

    /// <summary>法定代表人, or 负责人 for a branch.</summary>
    public required string RepresentativeName { get; set; }

    public required string RepresentativeIdNumber { get; set; }

    /// <summary>The head office's credit code, for a branch (分公司) only.</summary>
    public string? HeadOfficeCreditCode { get; set; }

    /// <summary>Null until the registry or a counter clerk has verified the organisation.</summary>
    public DateTime? RealNameVerifiedAt { get; set; }

    /// <summary>Verified by a counter clerk against the licence: the registry's answer no longer decides login.</summary>
    public bool VerifiedAtCounter { get; set; }
}
