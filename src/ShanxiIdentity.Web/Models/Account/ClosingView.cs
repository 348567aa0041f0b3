using ShanxiIdentity.Domain.Closing;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>
/// 我的账号 › 注销账号: what closing means for this account, what must end first, and the form.
/// <paramref name="ActingPerson"/>: a person acting for an organisation closes their own account, not the organisation's.
/// </summary>
public sealed record ClosingView(
    bool IsLegalEntity,
    bool ActingPerson,
    string? MaskedPhone,
    int CoolingOffDays,
    IReadOnlyList<ClosingBlocker> Blockers,
    CloseAccountForm Form);
