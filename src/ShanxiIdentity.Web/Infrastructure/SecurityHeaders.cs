namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// The headers every response carries, pages and files alike: a Content-Security-Policy that lets
/// only the portal's own scripts and styles run (no inline script anywhere), no framing, no MIME
/// sniffing, no referrer leaving the site. HSTS is added by <c>UseHsts</c> outside Development.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    /// <summary>The one inline script the portal lets run: OpenIddict's form_post page submits its form with it.</summary>
    private const string FormPostScriptHash = "'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='";

    private const string ExtraFormActionsKey = "csp.form-action";

    /// <summary>
    /// Lets a page's form lead to a client system's registered address. Chromium applies
    /// form-action to the redirects after a submission too, so the login, consent and logout pages
    /// of a sign-in flow must name where that flow ends (an address OpenIddict has checked).
    /// </summary>
    public static void AllowFormActionTo(HttpContext context, Uri target)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(target);
        var origins = context.Items[ExtraFormActionsKey] as HashSet<string> ?? [];
        origins.Add(target.GetLeftPart(UriPartial.Authority));
        context.Items[ExtraFormActionsKey] = origins;
    }

    private static string PolicyFor(HttpContext context) =>
        context.Items[ExtraFormActionsKey] is HashSet<string> origins
            ? ContentSecurityPolicy
                .Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', origins), StringComparison.Ordinal)
                .Replace("script-src 'self'", "script-src 'self' " + FormPostScriptHash, StringComparison.Ordinal)
            : ContentSecurityPolicy;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = PolicyFor(context);
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
