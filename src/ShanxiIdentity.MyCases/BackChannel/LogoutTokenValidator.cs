using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShanxiIdentity.MyCases.Data;

namespace ShanxiIdentity.MyCases.BackChannel;

/// <summary>
/// Checks a logout token as OpenID Connect Back-Channel Logout 1.0 §2.6 requires: signed by a key of the
/// portal's JWKS, iss the portal, aud this system, iat and a short exp, type logout+jwt, the
/// back-channel logout event, a sub or sid, no nonce, and a jti not seen before (kept until it expires).
/// </summary>
public sealed class LogoutTokenValidator(IOptionsMonitor<OpenIdConnectOptions> oidc, PortalSettings portal, CasesDbContext db, TimeProvider clock)
{
    public const string Event = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>A logout token is small; anything far larger is not one.</summary>
    private const int MaxLength = 8192;

    private static readonly JsonWebTokenHandler Handler = new();

    /// <summary>Who and which session to sign out; null when the token is refused.</summary>
    public async Task<(string Subject, string? SessionId)?> ValidateAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var result = await CheckAsync(options, token, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The portal may have rolled its signing key over since the keys were read: once more with fresh ones.
            options.ConfigurationManager!.RequestRefresh();
            result = await CheckAsync(options, token, cancellationToken);
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return null;
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        var claims = payload.RootElement;
        var sub = Text(claims, "sub");
        var sid = Text(claims, "sid");
        if (!claims.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(Event, out var logout) || logout.ValueKind != JsonValueKind.Object
            || claims.TryGetProperty("nonce", out _)
            || !claims.TryGetProperty("iat", out _)
            || Text(claims, "jti") is not { Length: > 0 and <= 100 } jti
            || sub is null && sid is null
            || sub is not null && sub.Length > 100 || sid is not null && sid.Length > 100
            || !await FirstTimeAsync(jti, jwt.ValidTo, cancellationToken))
        {
            return null;
        }

        return (sub ?? string.Empty, sid);
    }

    private async Task<TokenValidationResult> CheckAsync(OpenIdConnectOptions options, string token, CancellationToken cancellationToken)
    {
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        return await Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = portal.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidTypes = ["logout+jwt"],
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = TimeSpan.FromMinutes(1),
        });
    }

    /// <summary>Records the jti; false when it was seen before (a replay). Expired ones are forgotten.</summary>
    private async Task<bool> FirstTimeAsync(string jti, DateTime expiresAt, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.SeenLogoutTokens.Where(t => t.ExpiresAt < now.AddMinutes(-5)).ExecuteDeleteAsync(cancellationToken);
        db.SeenLogoutTokens.Add(new SeenLogoutToken { JwtId = jti, ExpiresAt = expiresAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private static string? Text(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
