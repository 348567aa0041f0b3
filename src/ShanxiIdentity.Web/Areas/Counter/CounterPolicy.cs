using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter;

/// <summary>
/// Who may do what in the staff area. Every policy needs a staff role and a session signed in
/// with the authenticator (amr=mfa): a citizen's or organisation's session never qualifies.
/// </summary>
public static class CounterPolicy
{
    public const string Staff = "counter.staff";
    public const string Clerk = "counter.clerk";

    /// <summary>Clerks and supervisors: finding accounts, reading requests and their scans.</summary>
    public const string Desk = "counter.desk";

    public const string Supervisor = "counter.supervisor";
    public const string Administrator = "counter.admin";

    /// <summary>我的账号: a citizen's or an organisation's own account; staff accounts have none.</summary>
    public const string Holder = "account.holder";

    public const string PathPrefix = "/counter";
    public const string LoginPath = "/counter/login";

    /// <summary>Staff sessions end after 15 minutes without a request (citizens have 30).</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(15);

    public static void AddCounterPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Add(options, Staff, [.. StaffRole.All]);
        Add(options, Clerk, StaffRole.Clerk);
        Add(options, Desk, StaffRole.Clerk, StaffRole.Supervisor);
        Add(options, Supervisor, StaffRole.Supervisor);
        Add(options, Administrator, StaffRole.Administrator);
        options.AddPolicy(Holder, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => !StaffRole.All.Any(context.User.IsInRole)));
    }

    /// <summary>Cookie events: the staff login page for the staff area, and the shorter idle time for staff.</summary>
    public static void UseCounterCookieRules(this CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var redirectToLogin = options.Events.OnRedirectToLogin;
        options.Events.OnRedirectToLogin = context =>
        {
            if (context.Request.Path.StartsWithSegments(PathPrefix))
            {
                var returnUrl = context.Request.PathBase + context.Request.Path + context.Request.QueryString;
                context.Response.Redirect(LoginPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
                return Task.CompletedTask;
            }

            return redirectToLogin(context);
        };

        // A refusal is a 403 with the Chinese error page (re-executed), not a redirect to it.
        options.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        };

        var signingIn = options.Events.OnSigningIn;
        options.Events.OnSigningIn = context =>
        {
            // The cookie handler slides each ticket by its own lifetime, so this stays 15 minutes on renewal.
            if (StaffRole.All.Any(context.Principal!.IsInRole) && context.Properties.IssuedUtc is { } issued)
            {
                context.Properties.ExpiresUtc = issued + IdleTimeout;
            }

            return signingIn(context);
        };
    }

    private static void Add(AuthorizationOptions options, string name, params string[] roles) =>
        options.AddPolicy(name, policy => policy
            .RequireAuthenticatedUser()
            .RequireRole(roles)
            .RequireClaim(StaffSignIn.MfaClaimType, StaffSignIn.MfaClaimValue));
}
