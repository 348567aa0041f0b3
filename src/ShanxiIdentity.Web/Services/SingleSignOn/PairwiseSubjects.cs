using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// The person as each client system sees them (OpenID Connect Core §8.1; docs/decisions/0015-pairwise-subjects.md):
/// <c>sub</c> = base64url(HMAC-SHA256(key, "sub" | sector-or-client | account id)), so two clients
/// (unless an administrator put them in one sector) cannot join their records on it, and nobody
/// without the key can get the account id back. The key is one database row (ProviderKeyRing):
/// the same on every instance and after every restart. A client marked public gets the account id.
/// </summary>
public sealed class PairwiseSubjects(ProviderKeyRing keys, IOpenIddictApplicationManager applications)
{
    public const string Pairwise = "pairwise";
    public const string Public = "public";

    /// <summary>The <c>sub</c> a client with these application properties knows the account by.</summary>
    public string Subject(Guid accountId, string clientId, ImmutableDictionary<string, JsonElement> properties) =>
        ClientProperties.PublicSubject(properties)
            ? accountId.ToString()
            : Derive("sub", ClientProperties.Sector(properties) is { } sector ? "sector:" + sector : "client:" + clientId, accountId.ToString("D", CultureInfo.InvariantCulture));

    /// <summary>The client's <c>sid</c> for a portal session: per client, so two clients cannot match sessions either.</summary>
    public string SessionId(Guid portalSessionId, string clientId) =>
        Derive("sid", "client:" + clientId, portalSessionId.ToString("N", CultureInfo.InvariantCulture));

    /// <summary>The <c>sub</c> of a client by its id; null for an unknown client.</summary>
    public async Task<string?> SubjectAsync(Guid accountId, string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is { } application
            ? Subject(accountId, clientId, await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false))
            : null;

    private string Derive(string purpose, string audience, string value)
    {
        // Newline-separated: neither a client id, a sector nor a GUID contains one, so no two inputs collide.
        var mac = HMACSHA256.HashData(keys.PairwiseKey, Encoding.UTF8.GetBytes($"{purpose}\n{audience}\n{value}"));
        return WebEncoders.Base64UrlEncode(mac);
    }
}
