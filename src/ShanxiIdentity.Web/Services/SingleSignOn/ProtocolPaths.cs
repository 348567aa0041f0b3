using Microsoft.AspNetCore;
using OpenIddict.Abstractions;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// The OpenID Connect provider's addresses, named once. OpenIddict is configured with them,
/// <c>ConnectController</c> is routed on them, and the token rate limit (<c>ClientRateLimits</c>)
/// and the handler filter (<see cref="ProtocolPathHandlerProvider"/>) test requests against them:
/// a renamed endpoint keeps its limit and its handler (<c>ProtocolPathsTests</c> checks every
/// endpoint OpenIddict is configured with).
/// </summary>
public static class ProtocolPaths
{
    public const string Authorize = "/connect/authorize";
    public const string Token = "/connect/token";
    public const string UserInfo = "/connect/userinfo";
    public const string EndSession = "/connect/logout";
    public const string Revocation = "/connect/revoke";

    /// <summary>Discovery and the signing keys, at OpenIddict's default addresses under it (RFC 8615).</summary>
    public const string WellKnown = "/.well-known";

    /// <summary>Every address where OpenIddict's server handler answers.</summary>
    private static readonly PathString[] All = [Authorize, Token, UserInfo, EndSession, Revocation, WellKnown];

    /// <summary>Where a client system proves itself (secret, code, refresh token): the token rate limit applies.</summary>
    private static readonly PathString[] ClientAuthenticated = [Token, Revocation];

    /// <summary>Whether the request is for one of the provider's endpoints (its refusals are the protocol's JSON).</summary>
    public static bool IsProtocol(PathString path) => Array.Exists(All, p => path.StartsWithSegments(p));

    /// <summary>Whether the request is for an endpoint where a client authenticates.</summary>
    public static bool IsClientAuthenticated(PathString path) => Array.Exists(ClientAuthenticated, p => path.StartsWithSegments(p));

    /// <summary>An authorization request asking for no interaction (prompt=none): a refusal goes back to the client, never a page.</summary>
    public static bool IsSilentAuthorize(HttpContext context) =>
        context is not null && context.Request.Path.StartsWithSegments(Authorize, StringComparison.OrdinalIgnoreCase)
        && context.GetOpenIddictServerRequest() is { } request
        && request.HasPromptValue(OpenIddict.Abstractions.OpenIddictConstants.PromptValues.None);
}
