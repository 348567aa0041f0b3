using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// OpenIddict's server handler is an authentication request handler: unchanged, it examines every
/// request of the portal (pages, files, health checks) to see whether it is one of its endpoints,
/// which halved the throughput of the cheapest pages (docs/benchmarks.md). Away from its endpoints
/// (<see cref="ProtocolPaths"/>) the handler is not offered.
/// </summary>
internal sealed class ProtocolPathHandlerProvider(AuthenticationHandlerProvider inner) : IAuthenticationHandlerProvider
{
    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        return authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
            && !ProtocolPaths.IsProtocol(context.Request.Path)
                ? Task.FromResult<IAuthenticationHandler?>(null)
                : inner.GetHandlerAsync(context, authenticationScheme);
    }
}
