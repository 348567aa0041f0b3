using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// OpenIddict's server handler is an authentication request handler: unchanged, it examines every
/// request of the portal (pages, files, health checks) to see whether it is one of its endpoints,
/// which halved the throughput of the cheapest pages (docs/benchmarks.md). Its endpoints all live
/// under /connect and /.well-known, so elsewhere the handler is not offered.
/// </summary>
internal sealed class ProtocolPathHandlerProvider(AuthenticationHandlerProvider inner) : IAuthenticationHandlerProvider
{
    private static readonly PathString[] ProtocolPaths = ["/connect", "/.well-known"];

    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme)
    {
        ArgumentNullException.ThrowIfNull(context);
        return authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
            && !ProtocolPaths.Any(path => context.Request.Path.StartsWithSegments(path))
                ? Task.FromResult<IAuthenticationHandler?>(null)
                : inner.GetHandlerAsync(context, authenticationScheme);
    }
}
