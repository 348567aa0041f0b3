using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>A request as staff see it: identifiers masked unless revealed (and the reveal audited), and what this staff member may do.</summary>
public sealed class RequestPage
{
    public required Guid Id { get; init; }

    public required string Reference { get; init; }

    public required CounterRequestStatus Status { get; init; }

    public required CounterOperation Operation { get; init; }

    public required CounterChangeKind ChangeKind { get; init; }

    public required CounterUserType UserType { get; init; }

    /// <summary>Null for a registration not yet approved.</summary>
    public AccountSummary? Account { get; init; }

    /// <summary>The requested change as shown: phones and ID numbers masked unless revealed.</summary>
    public required CounterChange Change { get; init; }

    public bool ByAgent { get; init; }

    public string? AgentName { get; init; }

    /// <summary>As shown: masked unless revealed.</summary>
    public string? AgentIdNumber { get; init; }

    public DateOnly? LetterDate { get; init; }

    public string? CreatedBy { get; init; }

    public required DateTime CreatedAt { get; init; }

    public string? DecidedBy { get; init; }

    public DateTime? DecidedAt { get; init; }

    public string? RejectionReason { get; init; }

    public DateTime? AppliedAt { get; init; }

    public required IReadOnlyList<MaterialRow> Materials { get; init; }

    public bool Revealed { get; init; }

    /// <summary>A clerk, on a draft.</summary>
    public bool CanEdit { get; init; }

    /// <summary>A supervisor other than the clerk, on a submitted request.</summary>
    public bool CanDecide { get; init; }

    /// <summary>Submitted by this staff member, who may not decide it.</summary>
    public bool AwaitsOthers { get; init; }

    public bool MaterialsComplete => Materials.All(m => m.CheckedAgainstOriginal && m.Scanned);
}
