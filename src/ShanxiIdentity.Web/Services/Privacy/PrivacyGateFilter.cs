using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.Privacy;

/// <summary>
/// The one point every way of signing in passes (password, SMS code, passkey, 扫码, registration):
/// the first request of the signed-in holder. One who has not accepted the current 隐私政策 is sent
/// to /account/privacy with the page they asked for (an OpenID Connect authorization request
/// included, which then continues to the client); staff are not holders and pass.
/// </summary>
public sealed class PrivacyGateFilter(PolicyStanding standing, PrivacyPolicyBook book) : IAsyncResourceFilter
{
    public const string AcceptPath = "/account/privacy";

    // 注销账号 (its own pages, and cancelling during the cooling-off) must stay open to one who refuses;
    // the protocol endpoints but authorize are the clients' own (logout, token, userinfo…).
    private static readonly string[] OpenPrefixes = ["/my/closing", "/account/closing", "/connect/", "/error"];

    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        if (!standing.IsHolder
            || !book.MustAccept(standing.AcceptedVersion)
            || context.ActionDescriptor.EndpointMetadata.OfType<PrivacyGateExemptAttribute>().Any()
            || (OpenPrefixes.Any(p => request.Path.StartsWithSegments(p.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)) && !request.Path.StartsWithSegments(ProtocolPaths.Authorize, StringComparison.OrdinalIgnoreCase)))
        {
            await next().ConfigureAwait(false);
            return;
        }

        // A client asking for no interaction (prompt=none) hears so, as for a missing consent: the page needs the person.
        if (request.Path.StartsWithSegments(ProtocolPaths.Authorize, StringComparison.OrdinalIgnoreCase)
            && context.HttpContext.GetOpenIddictServerRequest() is { } authorization && authorization.HasPromptValue(PromptValues.None))
        {
            context.Result = new ForbidResult(
                OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
                new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InteractionRequired,
                    [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = PrivacyMessages.PolicyPendingForClients,
                }));
            return;
        }

        // A GET comes back where it was going, and so does an authorization request a client posted
        // (as a GET with the same parameters); anything else (a form of the portal) starts again from its page.
        var returnUrl = HttpMethods.IsGet(request.Method) ? request.PathBase + request.Path + request.QueryString
            : request.Path.StartsWithSegments(ProtocolPaths.Authorize, StringComparison.OrdinalIgnoreCase) && request.HasFormContentType
                ? request.PathBase + request.Path + QueryString.Create((await request.ReadFormAsync(context.HttpContext.RequestAborted).ConfigureAwait(false)).Where(p => p.Key != "__RequestVerificationToken"))
                : null;
        context.Result = new RedirectResult(returnUrl is null ? AcceptPath : AcceptPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
    }
}
