namespace ShanxiIdentity.Data.Entities;

/// <summary>证明材料: one item of the materials checklist for a counter request.</summary>
public class CounterRequestMaterial
{
    public long Id { get; set; }

    public Guid CounterRequestId { get; set; }

    /// <summary>The item's number in the seed's list for the case (1, 2, 3…).</summary>
    public int Position { get; set; }

    public required string Description { get; set; }

    public bool CheckedAgainstOriginal { get; set; }

    public DateTime? CheckedAt { get; set; }

    public MaterialScan? Scan { get; set; }
}
