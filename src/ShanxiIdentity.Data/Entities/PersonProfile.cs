namespace ShanxiIdentity.Data.Entities;

/// <summary>个人账号: the citizen behind a personal account.</summary>
public class PersonProfile
{
    public Guid AccountId { get; set; }

    public required string Name { get; set; }

    /// <summary>身份证号, normalised (18 characters, upper-case X); unique across the portal.</summary>
    public required string ResidentIdNumber { get; set; }

    public DateTime? RealNameVerifiedAt { get; set; }
}
