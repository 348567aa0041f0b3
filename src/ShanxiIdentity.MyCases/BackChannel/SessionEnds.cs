using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.MyCases.Data;

namespace ShanxiIdentity.MyCases.BackChannel;

/// <summary>
/// The local side of back-channel logout: the sign-in cookie remembers when the portal signed the person in
/// (a claim: the cookie's own issue time moves with its sliding renewal), and a cookie whose portal session
/// (sid), or whose person (sub) since before that time, was ended by a logout token is refused.
/// </summary>
public static class SessionEnds
{
    /// <summary>Added at sign-in: when the portal signed the person in here (UTC ticks).</summary>
    public const string SignedInAtClaim = "mycases_signed_in_at";

    public static Task OnTokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcTicks;
        (context.Principal?.Identity as System.Security.Claims.ClaimsIdentity)?.AddClaim(new(SignedInAtClaim, now.ToString(CultureInfo.InvariantCulture)));
        return Task.CompletedTask;
    }

    public static async Task OnValidatePrincipal(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var principal = context.Principal;
        var sub = principal?.FindFirst("sub")?.Value;
        var sid = principal?.FindFirst("sid")?.Value;
        var signedInAt = long.TryParse(principal?.FindFirst(SignedInAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTime(ticks, DateTimeKind.Utc)
            : DateTime.MinValue; // a cookie from before this check: any logout of its person ends it
        var db = context.HttpContext.RequestServices.GetRequiredService<CasesDbContext>();
        var ended = await db.EndedSessions.AnyAsync(
            e => (e.SessionId != null && e.SessionId == sid) || (e.SessionId == null && e.Subject == sub && e.EndedAt >= signedInAt),
            context.HttpContext.RequestAborted);
        if (ended)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }
}
