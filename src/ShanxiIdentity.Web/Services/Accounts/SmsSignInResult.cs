using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>The answer to 短信验证码登录: signed in, or why not (<see cref="Message"/>); <see cref="Account"/> only after a right code.</summary>
public sealed record SmsSignInResult(SmsSignInOutcome Outcome, string? Message = null, Account? Account = null);
