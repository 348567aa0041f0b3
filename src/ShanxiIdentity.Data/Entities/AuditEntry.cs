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

    /// <summary>A staff actor's role(s) when it happened (窗口受理员…), so 谁查看了我的信息 can say who without a name.</summary>
    public string? ActorRole { get; set; }

    /// <summary>A staff actor's 政务大厅 when it happened; null for others and for staff without one.</summary>
    public string? ActorHall { get; set; }
}
