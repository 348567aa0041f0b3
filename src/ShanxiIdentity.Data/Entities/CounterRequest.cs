using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// 政务大厅变更申请: a change made at the counter against checked paper materials. The request
/// guards its own life: opened by a clerk as a draft with the materials table's checklist; each
/// material ticked against the original and scanned; submitted once all are; then approved by a
/// supervisor other than the clerk (and applied at once) or rejected with a reason. A step that
/// does not fit answers with a <see cref="CounterRefusal"/> and changes nothing.
/// </summary>
public partial class CounterRequest
{
    /// <summary>A reason is kept to this many characters (the column holds twice as many).</summary>
    public const int MaxDecisionNote = 500;

    private readonly List<CounterRequestMaterial> _materials = [];

    /// <summary>For EF Core; a request is made by <see cref="Open"/>.</summary>
    private CounterRequest()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The account changed; null while a registration made at the counter has not created it yet.</summary>
    public Guid? AccountId { get; private set; }

    public CounterOperation Operation { get; private set; }

    public CounterUserType UserType { get; private set; }

    public bool ByAgent { get; private set; }

    public string? AgentName { get; private set; }

    public string? AgentIdNumber { get; private set; }

    /// <summary>授权委托书 date: valid for one month from it.</summary>
    public DateOnly? AuthorizationLetterDate { get; private set; }

    public CounterChangeKind ChangeKind { get; private set; }

    /// <summary>The requested change, a <see cref="CounterChange"/> as JSON (see <see cref="ReadChange"/>).</summary>
    public string ChangeDetails { get; private set; } = string.Empty;

    public CounterRequestStatus Status { get; private set; }

    public Guid CreatedByStaffId { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public Guid? DecidedByStaffId { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>The rejection reason, or a note on the approval.</summary>
    public string? DecisionNote { get; private set; }

    public DateTime? AppliedAt { get; private set; }

    public IReadOnlyList<CounterRequestMaterial> Materials => _materials;

    /// <summary>The checklist is still being worked on (only a draft's materials may change).</summary>
    public bool IsDraft => Status == CounterRequestStatus.Draft;

    /// <summary>Every material checked against its original and scanned.</summary>
    public bool MaterialsComplete => _materials.All(m => m.IsComplete);

    public CounterChange ReadChange() => CounterChange.FromJson(ChangeDetails);

    /// <summary>The clerk ticks (or unticks) a material as checked against the original.</summary>
    public CounterRefusal? Tick(int position, bool isChecked, DateTime now)
    {
        if (EditableMaterial(position) is not { } material)
        {
            return new CounterRefusal(CounterMessages.NotEditable);
        }

        material.Tick(isChecked, now);
        return null;
    }

    /// <summary>
    /// Archives a scan of a material (replacing an earlier one). The content is refused unless it is
    /// a plain PDF, JPEG or PNG; <paramref name="seal"/> encrypts it for storage (a copy of an ID card).
    /// </summary>
    public CounterRefusal? AttachScan(int position, string? fileName, byte[] content, Func<byte[], byte[]> seal, Guid clerkId, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(seal);
        if (ScanFile.Refusal(content) is { } refusal)
        {
            return new CounterRefusal(refusal, "Scan");
        }

        if (EditableMaterial(position) is not { } material)
        {
            return new CounterRefusal(CounterMessages.NotEditable);
        }

        material.Attach(MaterialScan.Archive(position, fileName, content, seal, clerkId, now));
        return null;
    }

    /// <summary>Sends the draft for review: every material checked and scanned, and an agent's letter still valid <paramref name="today"/>.</summary>
    public CounterRefusal? Submit(DateTime now, DateOnly today)
    {
        if (!IsDraft)
        {
            return new CounterRefusal(CounterMessages.NotEditable);
        }

        var missing = new List<string>();
        foreach (var material in _materials.OrderBy(m => m.Position))
        {
            if (!material.CheckedAgainstOriginal)
            {
                missing.Add(CounterMessages.MaterialUnchecked(material.Position));
            }

            if (material.Scan is null)
            {
                missing.Add(CounterMessages.MaterialUnscanned(material.Position));
            }
        }

        if (ByAgent && AuthorizationLetter.Refusal(AuthorizationLetterDate, today) is { } letter)
        {
            missing.Add(letter);
        }

        if (missing.Count > 0)
        {
            return new CounterRefusal(CounterMessages.MaterialsIncomplete) { Missing = missing };
        }

        Status = CounterRequestStatus.Submitted;
        SubmittedAt = now;
        return null;
    }

    /// <summary>A supervisor approves a submitted request; the four-eyes rule keeps its own clerk out.</summary>
    public CounterRefusal? Approve(Guid supervisorId, DateTime now)
    {
        if (DecisionRefusal(supervisorId) is { } refused)
        {
            return refused;
        }

        Status = CounterRequestStatus.Approved;
        Decide(supervisorId, now);
        return null;
    }

    /// <summary>A supervisor rejects a submitted request, saying why (kept to <see cref="MaxDecisionNote"/> characters).</summary>
    public CounterRefusal? Reject(Guid supervisorId, string? reason, DateTime now)
    {
        if (DecisionRefusal(supervisorId) is { } refused)
        {
            return refused;
        }

        var note = reason?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            return new CounterRefusal(CounterMessages.RejectionReasonRequired, "Reason");
        }

        Status = CounterRequestStatus.Rejected;
        Decide(supervisorId, now);
        DecisionNote = note[..Math.Min(note.Length, MaxDecisionNote)];
        return null;
    }

    /// <summary>The account a registration created on approval (an account change names its account from the start).</summary>
    public void RegisteredAs(Guid accountId)
    {
        if (ChangeKind != CounterChangeKind.Registration || Status != CounterRequestStatus.Approved || AccountId is not null)
        {
            throw new InvalidOperationException("Only an approved registration takes the account it created.");
        }

        AccountId = accountId;
    }

    /// <summary>The approved change has been made (in the same unit of work as the approval).</summary>
    public void MarkApplied(DateTime now)
    {
        if (Status != CounterRequestStatus.Approved)
        {
            throw new InvalidOperationException("Only an approved request is applied.");
        }

        Status = CounterRequestStatus.Applied;
        AppliedAt = now;
    }

    /// <summary>Only a submitted request is decided, and never by the staff member who opened it.</summary>
    public CounterRefusal? DecisionRefusal(Guid supervisorId) =>
        Status != CounterRequestStatus.Submitted ? new CounterRefusal(CounterMessages.NotAwaitingDecision)
        : CreatedByStaffId == supervisorId ? new CounterRefusal(CounterMessages.OwnRequest)
        : null;

    private void Decide(Guid supervisorId, DateTime now)
    {
        DecidedByStaffId = supervisorId;
        DecidedAt = now;
    }

    private CounterRequestMaterial? EditableMaterial(int position) =>
        IsDraft ? _materials.SingleOrDefault(m => m.Position == position) : null;
}
