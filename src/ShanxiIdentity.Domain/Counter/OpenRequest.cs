namespace ShanxiIdentity.Domain.Counter;

/// <summary>What a clerk asks for when opening a request; identifiers already checked for form.</summary>
public sealed record OpenRequest(
    Guid? AccountId,
    CounterChangeKind Kind,
    CounterUserType UserType,
    bool ByAgent,
    string? AgentName,
    string? AgentIdNumber,
    DateOnly? LetterDate,
    CounterChange Change);
