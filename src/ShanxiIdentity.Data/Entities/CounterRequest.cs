using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Data.Entities;

/// <summary>政务大厅变更申请: a change made at the counter against checked paper materials.</summary>
public class CounterRequest
{
    public Guid Id { get; set; }

    /// <summary>The account changed; null while a registration made at the counter has not created it yet.</summary>
    public Guid? AccountId { get; set; }

    public CounterOperation Operation { get; set; }

    public CounterUserType UserType { get; set; }

    public bool ByAgent { get; set; }

    public string? AgentName { get; set; }

    public string? AgentIdNumber { get; set; }

    /// <summary>授权委托书 date: valid for one month from it.</summary>
    public DateOnly? AuthorizationLetterDate { get; set; }

    public CounterChangeKind ChangeKind { get; set; }

    /// <summary>The requested change, a <c>CounterChange</c> as JSON.</summary>
    public required string ChangeDetails { get; set; }

    public CounterRequestStatus Status { get; set; }

    public Guid CreatedByStaffId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? SubmittedAt { get; set; }

    public Guid? DecidedByStaffId { get; set; }

    public DateTime? DecidedAt { get; set; }

    /// <summary>The rejection reason, or a note on the approval.</summary>
    public string? DecisionNote { get; set; }

    public DateTime? AppliedAt { get; set; }

    public List<CounterRequestMaterial> Materials { get; } = [];
}
