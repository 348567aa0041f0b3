namespace ShanxiIdentity.Data.Entities;

/// <summary>Who did what to which account, and from where. Never holds an identifier in clear.</summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public Guid? ActorAccountId { get; set; }

    public required string Action { get; set; }

    public Guid? SubjectAccountId { get; set; }

    public string? Detail { get; set; }

    public string? ClientAddress { get; set; }
}
