using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>我的账号 › 通行密钥: the account's passkeys and the add form (its name kept after a refusal).</summary>
public sealed record PasskeySetupView(IReadOnlyList<PasskeyListItem> Passkeys, PasskeyForm Form);
