using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Mvc;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// Friendly Chinese pages for every error status; never a stack trace. The exception handler
/// middleware has already logged an unhandled exception by the time this runs.
/// </summary>
[ApiExplorerSettings(IgnoreApi = true)]
[IgnoreAntiforgeryToken] // a refused POST is re-executed here as a POST; its error page must not be refused too
[Services.Closing.AllowDuringClosing]
[Services.Privacy.PrivacyGateExempt]
public sealed class ErrorController : Controller
{
    // No bound parameter: model binding would read the form of a re-executed POST, and a form
    // that cannot be read (a NUL byte in a value) would fail this page too.
    [Route("/error/{status:int}")]
    public IActionResult Show()
    {
        var status = int.TryParse(RouteData.Values["status"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture, out var code) ? code : 0;

        // The database is down, not the portal broken: 503 (系统繁忙), which balancers and people retry.
        if (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is { Error: var error } && Data.DatabaseOutage.IsOutage(error))
        {
            status = StatusCodes.Status503ServiceUnavailable;
        }

        Response.StatusCode = status is >= 400 and <= 599 ? status : StatusCodes.Status500InternalServerError;
        ViewData["RequestId"] = HttpContext.TraceIdentifier;

        // A client system's sign-in request that OpenIddict refused without a redirect (unknown
        // client, unregistered redirect URI): say so, with the protocol's error for its developers.
        if (HttpContext.GetOpenIddictServerResponse() is { Error: { } ssoError } response)
        {
            ViewData["SsoError"] = $"{ssoError}: {response.ErrorDescription}";
        }

        return View(Response.StatusCode == StatusCodes.Status404NotFound ? "NotFound" : "Error", Response.StatusCode);
    }
}
