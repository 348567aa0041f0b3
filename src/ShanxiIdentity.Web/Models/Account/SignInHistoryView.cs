namespace ShanxiIdentity.Web.Models.Account;

/// <summary>我的账号 › 登录记录: the recent sign-ins, and the sessions open now (this browser's marked).</summary>
public sealed record SignInHistoryView(IReadOnlyList<SignInEntry> Recent, IReadOnlyList<SignInEntry> Open);
