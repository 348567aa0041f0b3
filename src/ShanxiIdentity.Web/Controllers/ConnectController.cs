using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands over after validating the protocol (client,
/// redirect URI, PKCE, scopes allowed to the client): sign-in and consent, tokens, userinfo and
/// RP-initiated logout. Discovery, keys and revocation are answered by OpenIddict itself.
/// </summary>
public sealed class ConnectController(
    IOpenIddictApplicationManager applications,
    AccountLocator locator,
    SsoIdentities identities,
    ConsentRegistry consents,
    ClientRegistry clients,
    SignInManager<Account> signIn,
    IAntiforgery antiforgery) : Controller
{
    private const string Decision = "decision";
    private const string Accept = "accept";
    private const string Server = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    // Clients send authorization requests from their own origin (GET, or POST per OIDC Core 3.1.2.1):
    // no antiforgery token is possible there. The consent form that posts back here is checked below.
    [IgnoreAntiforgeryToken]
    [HttpGet(ProtocolPaths.Authorize)]
    [HttpPost(ProtocolPaths.Authorize)]
    public async Task<IActionResult> Authorize()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");

        // OpenIddict has matched the redirect address against the client's: the consent form (and
        // a form_post answer) may lead there.
        if (request.RedirectUri is { } redirectUri)
        {
            SecurityHeaders.AllowFormActionTo(HttpContext, new Uri(redirectUri));
        }

        var session = await HttpContext.AuthenticateAsync(IdentityConstants.ApplicationScheme);
        if (!session.Succeeded || request.HasPromptValue(PromptValues.Login) && Request.Method == HttpMethods.Get)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, SingleSignOnMessages.LoginRequired);
            }

            // After the portal's own login page, the same request again (as a GET, without prompt=login).
            var parameters = RequestParameters().Where(p => p.Key != OpenIddictConstants.Parameters.Prompt || !request.HasPromptValue(PromptValues.Login));
            return Challenge(new AuthenticationProperties { RedirectUri = Request.PathBase + Request.Path + QueryString.Create(parameters) }, IdentityConstants.ApplicationScheme);
        }

        var account = await locator.FindByIdAsync(Guid.Parse(signIn.UserManager.GetUserId(session.Principal)!), HttpContext.RequestAborted);
        if (account is null)
        {
            return Refuse(Errors.LoginRequired, SingleSignOnMessages.LoginRequired);
        }

        if (account.Kind == AccountKind.Staff)
        {
            return Refuse(Errors.AccessDenied, ClientMessages.StaffCannotSignInElsewhere);
        }

        var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted)
            ?? throw new InvalidOperationException("OpenIddict validated the client before this point.");
        var applicationId = (await applications.GetIdAsync(application, HttpContext.RequestAborted))!;
        var scopes = await AllowedScopesAsync(application, request.GetScopes());
        var identity = await identities.ForAccountAsync(account, scopes);
        identity.SetAudiences(request.ClientId!);

        var consent = await consents.FindAsync(account.Id, applicationId, scopes, HttpContext.RequestAborted);
        var decision = Request.HasFormContentType ? Request.Form[Decision].ToString() : string.Empty;
        if (decision.Length > 0)
        {
            // The consent form is the portal's own: it carries the antiforgery token.
            if (!await antiforgery.IsRequestValidAsync(HttpContext))
            {
                return BadRequest();
            }

            if (decision != Accept)
            {
                return Refuse(Errors.AccessDenied, ClientMessages.ConsentDenied);
            }

            consent = await consents.GrantAsync(identity, account.Id, applicationId, request.ClientId!, scopes, HttpContext.RequestAborted);
        }
        else if (consent is null || request.HasPromptValue(PromptValues.Consent))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, SingleSignOnMessages.ConsentRequired);
            }

            return View("Consent", new ConsentPage(
                await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted) ?? request.ClientId!,
                SsoIdentities.DisplayName(account),
                [.. SsoScopes.Grantable.Where(scopes.Contains)],
                [.. RequestParameters().Where(p => p.Key != Decision)]));
        }

        identity.SetAuthorizationId(consent);
        return SignIn(new ClaimsPrincipal(identity), Server);
    }

    [IgnoreAntiforgeryToken]
    [HttpPost(ProtocolPaths.Token)]
    public async Task<IActionResult> Token()
    {
        var request = HttpContext.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        if (request.IsClientCredentialsGrantType())
        {
            // A system calling on its own behalf: the subject is the client, not a person.
            var application = await applications.FindByClientIdAsync(request.ClientId!, HttpContext.RequestAborted)
                ?? throw new InvalidOperationException("OpenIddict authenticated the client before this point.");
            var system = new ClaimsIdentity(Microsoft.IdentityModel.Tokens.TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
            system.SetClaim(Claims.Subject, request.ClientId);
            system.SetClaim(SsoClaims.TokenKind, SsoClaims.SystemToken);
            system.SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted));
            system.SetScopes(request.GetScopes());
            system.SetAudiences(request.ClientId!);
            system.SetDestinations(_ => [Destinations.AccessToken]);
            return SignIn(new ClaimsPrincipal(system), Server);
        }

        // An authorization code or a refresh token: OpenIddict has checked it (single use, expiry,
        // revocation, PKCE); the account is read again so a locked account or a new password ends it.
        var grant = (await HttpContext.AuthenticateAsync(Server)).Principal;
        var account = SsoIdentities.PersonAccountId(grant) is { } id
            ? await locator.FindByIdAsync(id, HttpContext.RequestAborted)
            : null;
        if (grant is null || account is null || !await identities.StillValidAsync(account, grant))
        {
            return Refuse(Errors.InvalidGrant, ClientMessages.GrantNoLongerValid);
        }

        var identity = await identities.ForAccountAsync(account, grant.GetScopes());
        identity.SetAuthorizationId(grant.GetAuthorizationId());

        // The access token is for the client that asked: a system checking `aud` refuses another's.
        identity.SetAudiences(request.ClientId!);
        return SignIn(new ClaimsPrincipal(identity), Server);
    }

    [IgnoreAntiforgeryToken]
    [Authorize(AuthenticationSchemes = Server)]
    [HttpGet(ProtocolPaths.UserInfo)]
    [HttpPost(ProtocolPaths.UserInfo)]
    public async Task<IActionResult> UserInfo()
    {
        // A system's own token (client credentials) has no person behind it, whatever its subject.
        var account = SsoIdentities.PersonAccountId(User) is { } id
            ? await locator.FindByIdAsync(id, HttpContext.RequestAborted)
            : null;
        if (account is null)
        {
            return Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = ClientMessages.NotAPersonToken,
            }), Server);
        }

        var (scopes, fullPhone) = await clients.ReleasableAsync(User.GetPresenters().FirstOrDefault(), User.GetScopes(), HttpContext.RequestAborted);
        return Ok(SsoIdentities.UserInfo(account, scopes, fullPhone));
    }

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
        var sameAccount = session.Succeeded && hint?.GetClaim(Claims.Subject) == signIn.UserManager.GetUserId(session.Principal);
        if (session.Succeeded && !sameAccount && !confirmed)
        {
            if (HttpContext.GetOpenIddictServerRequest()?.PostLogoutRedirectUri is { } back)
            {
                SecurityHeaders.AllowFormActionTo(HttpContext, new Uri(back));
            }

            return View("Logout", RequestParameters().Where(p => p.Key != Decision).ToList());
        }

        if (session.Succeeded)
        {
            await signIn.SignOutAsync();
        }

        // To the client's registered post_logout_redirect_uri when it sent one, to the portal's home otherwise.
        return SignOut(new AuthenticationProperties { RedirectUri = "/" }, Server);
    }

    /// <summary>
    /// Clients registered before refresh tokens became a choice still hold the refresh-token grant:
    /// offline_access is dropped unless the administrator gave it (OpenIddict checks no permission for it).
    /// </summary>
    private async Task<ImmutableArray<string>> AllowedScopesAsync(object application, ImmutableArray<string> requested) =>
        requested.Contains(Scopes.OfflineAccess)
        && !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + Scopes.OfflineAccess, HttpContext.RequestAborted)
            ? requested.Remove(Scopes.OfflineAccess)
            : requested;

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        Server);

    private IEnumerable<KeyValuePair<string, StringValues>> RequestParameters() =>
        (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query)
            .Where(p => p.Key != "__RequestVerificationToken");
}
