using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>RP-initiated logout (OpenID Connect's end-session endpoint), after OpenIddict has validated the request.</summary>
// A client's sign-out works during 注销账号's cooling-off too: signing out is what the pending page offers.
[Services.Closing.AllowDuringClosing]
public sealed class ConnectLogoutController(SignInManager<Account> signIn, IAntiforgery antiforgery, PairwiseSubjects subjects) : Controller
{
    private const string Decision = "decision";
    private const string Accept = "accept";
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    [IgnoreAntiforgeryToken]
    [HttpGet(ProtocolPaths.EndSession)]
    [HttpPost(ProtocolPaths.EndSession)]
    public async Task<IActionResult> Logout()
    {
        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        var hint = (await HttpContext.AuthenticateAsync(Server)).Principal;
        var confirmed = Request.HasFormContentType && Request.Form[Decision] == Accept;
        if (confirmed && !await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return BadRequest();
        }

        // With the identity token the client was given for this very person, the request cannot be a
        // third party's: sign out at once. Otherwise the person confirms (a logout link is no CSRF tool).
        // (The token names the person by the sub of the client it was issued to: pairwise, or public.)
        var sameAccount = session.Succeeded && hint?.GetClaim(Claims.Subject) is { } subject && hint.GetAudiences().FirstOrDefault() is { } client
            && Guid.TryParse(signIn.UserManager.GetUserId(session.Principal), out var accountId)
            && subject == await subjects.SubjectAsync(accountId, client, HttpContext.RequestAborted);
        if (session.Succeeded && !sameAccount && !confirmed)
        {
            if (HttpContext.GetOpenIddictServerRequest()?.PostLogoutRedirectUri is { } back)
            {
                SecurityHeaders.AllowFormActionTo(HttpContext, new Uri(back));
            }

            return View("~/Views/Connect/Logout.cshtml", RequestParameters().Where(p => p.Key != Decision).ToList());
        }

        if (session.Succeeded)
        {
            await signIn.SignOutAsync();
        }

        // To the client's registered post_logout_redirect_uri when it sent one, to the portal's home otherwise.
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, Server);
    }

    private IEnumerable<KeyValuePair<string, StringValues>> RequestParameters() =>
        (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query)
            .Where(p => p.Key != "__RequestVerificationToken");
}
