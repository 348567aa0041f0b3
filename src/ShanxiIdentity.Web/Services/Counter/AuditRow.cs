using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

public sealed record AuditRow(long Id, DateTime At, string? Actor, string Action, string? Account, string? Detail, string? ClientAddress)
{
    public string ActionName => AuditAction.DisplayName(Action);

    /// <summary>China time, as staff read it.</summary>
    public string AtText => ChinaTime.Format(At, "yyyy-MM-dd HH:mm:ss");
}
