namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// Which instance runs a cluster-wide job (the retention job) until when: an instance takes the lease
/// with one conditional update, so two instances never run the job at once, and a crashed holder's
/// lease simply runs out.
/// </summary>
public class JobLease
{
    public required string Name { get; set; }

    public string? Holder { get; set; }

    public DateTime Until { get; set; }

    public DateTime? LastCompletedAt { get; set; }
}
