using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Services.Accounts;

public sealed record SignInResult(SignInOutcome Outcome, DateTimeOffset? LockedUntil = null)
{
    /// <summary>The lockout message with its end in China time.</summary>
    public string LockedMessage() =>
        AccountMessages.LockedOut(LockedUntil is { } until ? ChinaTime.ToMinute(until) : string.Empty);
}
