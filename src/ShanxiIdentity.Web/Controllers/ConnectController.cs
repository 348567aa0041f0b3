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
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// The OpenID Connect endpoints OpenIddict hands over after validating the protocol (client,
/// redirect URI, PKCE, scopes allowed to the client): sign-in and consent, tokens and userinfo (logout:
/// <see cref="ConnectLogoutController"/>). Discovery, keys and revocation are answered by OpenIddict itself.
/// </summary>
public sealed class ConnectController(
    IOpenIddictApplicationManager applications,
    AccountLocator locator,
    SsoIdentities identities,
    ConsentRegistry consents,
    ClientRegistry clients,
    AgentSignIn agents,
    ActingContext actingContext,
    SignInManager<Account> signIn,
    SignInAssurance assurance,
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
        // prompt=login, or a sign-in older than max_age: a fresh sign-in first (the consent form's POST is past that).
        if (!session.Succeeded || (request.HasPromptValue(PromptValues.Login) || assurance.TooOld(request, session.Principal)) && Request.Method == HttpMethods.Get)
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.LoginRequired, SingleSignOnMessages.LoginRequired);
            }

            // After the portal's own login page, the same request again (as a GET, without prompt=login).
            var parameters = RequestParameters().Where(p => p.Key != OpenIddictConstants.Parameters.Prompt || !request.HasPromptValue(PromptValues.Login));
            return Challenge(new AuthenticationProperties { RedirectUri = Here(parameters) }, IdentityConstants.ApplicationScheme);
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
        var scopes = await consents.AllowedScopesAsync(application, request.GetScopes(), HttpContext.RequestAborted);
        var (ct, audited) = (HttpContext.RequestAborted, false);

        // acr_values, the client's minimum 实名等级, a second factor: step up where possible, else unmet_authentication_requirements.
        var stepUp = await assurance.DecideAsync(account, application, request, session.Principal!, ct);
        if (stepUp.Acr is null)
        {
            return SignInAssurance.CanStepUp(stepUp, account) && !request.HasPromptValue(PromptValues.None) ? Redirect(SignInAssurance.SecondFactorUrl(Here(RequestParameters()))) : Refuse(SignInAssurance.UnmetAuthenticationRequirements, SignInAssurance.Why(stepUp));
        }

        var identity = await identities.ForAccountAsync(account, scopes);
        identity.SetAudiences(request.ClientId!);
        SignInAssurance.Apply(identity, stepUp.Acr, session.Principal!);

        var consent = await consents.FindAsync(account.Id, applicationId, scopes, ct);
        var offers = await agents.OffersAsync(account, request.ClientId!, scopes, ct);
        var decision = Request.HasFormContentType ? Request.Form[Decision].ToString() : string.Empty;
        ActingFor? acting = null;
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

            // The organisation chosen must be one offered, and still in force: the form proves nothing.
            (var valid, acting) = await agents.ChosenAsync(Request.Form[AgentSignIn.ChoiceField], offers, account.Id, request.ClientId!, ct);
            if (!valid)
            {
                return Refuse(Errors.AccessDenied, SingleSignOnMessages.AgentChoiceRefused);
            }

            if (consent is null || request.HasPromptValue(PromptValues.Consent))
            {
                // A sign-in as the organisation is audited in the consent's own transaction.
                var chosen = acting;
                consent = await consents.GrantAsync(identity, account.Id, applicationId, request.ClientId!, scopes, chosen is null ? null : () => agents.Record(chosen, account.Id, request.ClientId!), ct);
                audited = true;
            }
        }
        else if (consent is null || request.HasPromptValue(PromptValues.Consent)
            || (acting = await agents.CurrentAsync(actingContext.Current, offers, account.Id, request.ClientId!, ct)) is null && offers.Count > 0)
        {
            // No consent yet, or one but the person may act for an organisation here and this browser does not
            // (a browser acting for an organisation covering this client signs in as it, without a question).
            if (request.HasPromptValue(PromptValues.None))
            {
                return Refuse(Errors.ConsentRequired, SingleSignOnMessages.ConsentRequired);
            }

            return View("Consent", new ConsentPage(
                await applications.GetDisplayNameAsync(application, ct) ?? request.ClientId!,
                SsoIdentities.DisplayName(account),
                [.. SsoScopes.Grantable.Where(scopes.Contains)],
                [.. RequestParameters().Where(p => p.Key is not (Decision or AgentSignIn.ChoiceField))],
                offers,
                AgentSignIn.Preselected(offers, actingContext.Current)));
        }

        if (acting is not null)
        {
            if (!audited)
            {
                await agents.WriteAsync(acting, account.Id, request.ClientId!, ct);
            }

            AgentSignIn.Apply(identity, acting, SsoIdentities.DisplayName(account));
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
            var system = SsoIdentities.ForSystem(request.ClientId!, await applications.GetDisplayNameAsync(application, HttpContext.RequestAborted), request.GetScopes());
            return SignIn(new ClaimsPrincipal(system), Server);
        }

        // An authorization code or a refresh token: OpenIddict has checked it (single use, expiry,
        // revocation, PKCE); the account is read again so a locked account, a new password or a real-name level fallen
        // below the grant's acr ends it.
        var grant = (await HttpContext.AuthenticateAsync(Server)).Principal;
        var account = SsoIdentities.PersonAccountId(grant) is { } id
            ? await locator.FindByIdAsync(id, HttpContext.RequestAborted)
            : null;
        if (grant is null || account is null || !await identities.StillValidAsync(account, grant)
            || !await assurance.StillMetAsync(account, grant, HttpContext.RequestAborted))
        {
            return Refuse(Errors.InvalidGrant, ClientMessages.GrantNoLongerValid);
        }

        var identity = await identities.ForAccountAsync(account, grant.GetScopes());
        identity.SetAuthorizationId(grant.GetAuthorizationId());
        SignInAssurance.Carry(identity, grant);

        // Signed in as an organisation: its authorisation must still hold (withdrawn, expired or narrowed ends it).
        if (!await agents.ReapplyAsync(identity, grant, account, request.ClientId, HttpContext.RequestAborted))
        {
            return Refuse(Errors.InvalidGrant, SingleSignOnMessages.AgentAuthorizationEnded);
        }

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
        // A system's token has no person behind it; a person's says the client's pairwise sub: the consent names the account.
        var account = await consents.AccountBehindAccessTokenAsync(User, HttpContext.RequestAborted) is { } id
            ? await locator.FindByIdAsync(id, HttpContext.RequestAborted)
            : null;
        // A token issued to act for an organisation stops when its authorisation does (invalid_token, as for a system's token).
        var (valid, acting) = account is null ? (false, null) : await agents.BehindAccessTokenAsync(User, account.Id, HttpContext.RequestAborted);
        if (account is null || !valid || account.IsClosing) // 注销账号's cooling-off: a token issued before reads nothing either
        {
            return Challenge(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidToken,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = account is null ? ClientMessages.NotAPersonToken : account.IsClosing ? ClientMessages.AccountClosingToken : SingleSignOnMessages.AgentAuthorizationEndedToken,
            }), Server);
        }

        var (scopes, fullPhone) = await clients.ReleasableAsync(User.GetPresenters().FirstOrDefault(), User.GetScopes(), HttpContext.RequestAborted);
        var claims = SsoIdentities.UserInfo(account, User.GetClaim(Claims.Subject)!, scopes, fullPhone);
        AgentSignIn.AddTo(claims, acting, scopes, SsoIdentities.DisplayName(account));
        return Ok(claims);
    }

    private ForbidResult Refuse(string error, string description) => Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        Server);

    /// <summary>This authorization request again, with these parameters.</summary>
    private string Here(IEnumerable<KeyValuePair<string, StringValues>> parameters) => Request.PathBase + Request.Path + QueryString.Create(parameters);

    private IEnumerable<KeyValuePair<string, StringValues>> RequestParameters() =>
        (Request.HasFormContentType ? Request.Form.AsEnumerable() : Request.Query)
            .Where(p => p.Key != "__RequestVerificationToken");
}
