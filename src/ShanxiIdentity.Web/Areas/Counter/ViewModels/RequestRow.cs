using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>One request in a list (变更申请, or an account's requests).</summary>
public sealed record RequestRow(
    Guid Id,
    string Reference,
    CounterChangeKind ChangeKind,
    CounterUserType UserType,
    bool ByAgent,
    CounterRequestStatus Status,
    DateTime CreatedAt);
