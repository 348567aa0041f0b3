namespace ShanxiIdentity.Web.Models.Account;

/// <summary>扫码登录's answers that are a page of their own (the phone's, and a desktop's refusal).</summary>
public sealed record QrAnswerView(string Message, bool Success, bool CounterHint = false, bool OnDesktop = false);
