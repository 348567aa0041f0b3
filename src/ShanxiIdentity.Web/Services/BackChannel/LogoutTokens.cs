using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>
/// The logout token (OpenID Connect Back-Channel Logout 1.0 §2.4): a JWT of type <c>logout+jwt</c>
/// signed by the provider's current signing key (the one in its JWKS), with iss, aud (the client),
/// iat, a short exp, a fresh jti, the back-channel logout event, the client's sub and, for one
/// session, its sid. Never a nonce. Made afresh at each delivery try.
/// </summary>
public sealed class LogoutTokens(
    ProviderKeyRing keys,
    IServiceScopeFactory scopes,
    IOptionsMonitor<OpenIddictServerOptions> server,
    IOptions<BackChannelLogoutOptions> options,
    IServer host,
    TimeProvider clock)
{
    public const string TokenType = "logout+jwt";
    public const string Event = "http://schemas.openid.net/event/backchannel-logout";

    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public async Task<string> CreateAsync(BackChannelLogout logout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(logout);
        var now = clock.GetUtcNow();
        await keys.RefreshAsync(scopes, now, cancellationToken).ConfigureAwait(false);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["sub"] = logout.Subject,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["events"] = new Dictionary<string, object>(StringComparer.Ordinal) { [Event] = new Dictionary<string, object>() },
        };
        if (logout.SessionId is { } sid)
        {
            claims[SsoClaims.SessionId] = sid;
        }

        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = logout.ClientId,
            IssuedAt = now.UtcDateTime,
            Expires = (now + options.Value.TokenLifetime).UtcDateTime,
            Claims = claims,
            TokenType = TokenType,
            SigningCredentials = ProviderKeyRing.Credentials(keys.Current(now)),
        });
    }

    /// <summary>
    /// The issuer of the identity tokens: <c>SingleSignOn:Issuer</c>, required outside Development; a
    /// developer's portal without one (issuer taken from each request) names its first listening address.
    /// </summary>
    private string Issuer =>
        server.CurrentValue.Issuer?.AbsoluteUri
        ?? host.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()?.Replace("[::]", "localhost", StringComparison.Ordinal).TrimEnd('/') + "/";
}
