namespace ShanxiIdentity.Data.Entities;

/// <summary>One row of the local resident registry that the default real-name check (实名核验) reads.</summary>
public class ResidentRecord
{
    public required string ResidentIdNumber { get; set; }

    public required string Name { get; set; }

    public DateTime ImportedAt { get; set; }
}
