namespace ShanxiIdentity.Data.Entities;

/// <summary>One organisation of the local market-supervision registry, filled by <c>import-organisations</c>.</summary>
public class OrganisationRecord
{
    public required string CreditCode { get; set; }

    public required string Name { get; set; }

    /// <summary>法定代表人, or the branch's 负责人 / the business's 经营者.</summary>
    public required string LegalRepresentative { get; set; }

    public DateTime ImportedAt { get; set; }
}
