namespace ShanxiIdentity.Data.Entities;

/// <summary>证明材料: one item of the materials checklist for a counter request, changed only through its request.</summary>
public class CounterRequestMaterial
{
    /// <summary>For EF Core.</summary>
    private CounterRequestMaterial()
    {
    }

    internal CounterRequestMaterial(int position, string description)
    {
        Position = position;
        Description = description;
    }

    public long Id { get; private set; }

    public Guid CounterRequestId { get; private set; }

    /// <summary>The item's number in the seed's list for the case (1, 2, 3…).</summary>
    public int Position { get; private set; }

    public string Description { get; private set; } = string.Empty;

    public bool CheckedAgainstOriginal { get; private set; }

    public DateTime? CheckedAt { get; private set; }

    public MaterialScan? Scan { get; private set; }

    public bool IsComplete => CheckedAgainstOriginal && Scan is not null;

    internal void Tick(bool isChecked, DateTime now)
    {
        CheckedAgainstOriginal = isChecked;
        CheckedAt = isChecked ? now : null;
    }

    /// <summary>One scan per material: a new one replaces the last (the desk deletes the one replaced).</summary>
    internal void Attach(MaterialScan scan) => Scan = scan;
}
