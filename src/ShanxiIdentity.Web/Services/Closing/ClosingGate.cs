using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// The common point of every way in (password, SMS code, passkey, QR code, a client system's
/// authorize request): the signed-in principal, rebuilt from the account on every request, carries
/// <see cref="ClaimType"/> while the account is in its cooling-off, and every page but the ones marked
/// <see cref="AllowDuringClosingAttribute"/> sends it to /account/closing — 撤销注销, or 退出.
/// </summary>
public sealed class ClosingGate : IAuthorizationFilter
{
    public const string ClaimType = "closing";
    public const string PendingPath = "/account/closing";

    public static Claim Claim => new(ClaimType, "1");

    public static bool IsClosing(ClaimsPrincipal? principal) => principal?.HasClaim(ClaimType, "1") == true;

    public void OnAuthorization(AuthorizationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsClosing(context.HttpContext.User) && !context.ActionDescriptor.EndpointMetadata.OfType<AllowDuringClosingAttribute>().Any())
        {
            // A client asking for no interaction (prompt=none) hears so at its redirect address (OIDC Core 3.1.2.6), not a page.
            context.Result = SingleSignOn.ProtocolPaths.IsSilentAuthorize(context.HttpContext)
                ? new ForbidResult(
                    OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreDefaults.AuthenticationScheme,
                    new Microsoft.AspNetCore.Authentication.AuthenticationProperties(new Dictionary<string, string?>
                    {
                        [OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddict.Abstractions.OpenIddictConstants.Errors.InteractionRequired,
                        [OpenIddict.Server.AspNetCore.OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = Domain.Closing.ClosingMessages.PendingForClients,
                    }))
                : new RedirectResult(PendingPath);
        }
    }
}
