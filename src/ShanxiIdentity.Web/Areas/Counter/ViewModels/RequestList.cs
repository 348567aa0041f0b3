using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>变更申请: the latest requests, optionally of one status.</summary>
public sealed record RequestList(CounterRequestStatus? Filter, IReadOnlyList<RequestRow> Requests);
