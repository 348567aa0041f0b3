using System.Globalization;
using System.Security.Claims;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// How a sign-in cookie says its session was signed in: one <c>amr</c> claim per method
/// (<see cref="AuthenticationMethods"/>) and <c>auth_time</c> in Unix seconds. Written only by
/// <see cref="PortalSignInManager"/>, read by single sign-on (acr/amr/auth_time, max_age, step-up).
/// </summary>
public static class SignInMethods
{
    /// <summary>The claim types a refreshed principal keeps from the one it replaces.</summary>
    public static bool IsKept(Claim claim) =>
        claim?.Type is AuthenticationMethods.ClaimType or AuthenticationMethods.AuthTimeClaimType;

    public static IReadOnlyList<string> Methods(ClaimsPrincipal? principal) =>
        principal?.FindAll(AuthenticationMethods.ClaimType).Select(c => c.Value).Distinct(StringComparer.Ordinal).ToList() ?? [];

    /// <summary>Whether the session was signed in with more than one factor.</summary>
    public static bool MultiFactor(ClaimsPrincipal? principal) =>
        Methods(principal).Contains(AuthenticationMethods.MultiFactor);

    /// <summary>
    /// Whether an SMS code would add no factor to the session: one signed in by 扫码登录 was proved by
    /// the phone the code would go to (docs/decisions/0013-real-name-levels.md).
    /// </summary>
    public static bool SmsAddsNoFactor(ClaimsPrincipal? principal) =>
        Methods(principal).Contains(AuthenticationMethods.MultiChannel);

    /// <summary>When the person last proved who they are; null for a cookie issued before the claim existed.</summary>
    public static DateTimeOffset? AuthTime(ClaimsPrincipal? principal) =>
        long.TryParse(principal?.FindFirst(AuthenticationMethods.AuthTimeClaimType)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    public static Claim AuthTimeClaim(DateTimeOffset at) =>
        new(AuthenticationMethods.AuthTimeClaimType, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static IEnumerable<Claim> Claims(IEnumerable<string> methods) =>
        methods.Distinct(StringComparer.Ordinal).Select(m => new Claim(AuthenticationMethods.ClaimType, m));
}
