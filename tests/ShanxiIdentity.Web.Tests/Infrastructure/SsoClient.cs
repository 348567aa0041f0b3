using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// A client system of the portal, played by the test: it builds authorization requests (with PKCE),
/// reads the code from the redirect, and calls the token, userinfo and revocation endpoints the way
/// any OpenID Connect library would, over the real pipeline.
/// </summary>
public sealed class SsoClient(PortalFactory factory, string clientId, string? secret, string redirectUri)
{
    public string ClientId => clientId;

    public string? Secret => secret;

    public string RedirectUri => redirectUri;

    /// <summary>The client system's host: where its back-channel logout tokens arrive (PortalFactory.ClientSystems).</summary>
    public string Host => new Uri(redirectUri).Host;

    public const string PostLogoutUri = "https://cases.example.gov.cn/signed-out";

    /// <summary>Registers a client as an administrator would (through the registry the staff area uses).</summary>
    public static async Task<SsoClient> RegisterAsync(PortalFactory factory, string[] scopes, bool confidential = true, bool fullPhone = false, ShanxiIdentity.Domain.Accounts.RealNameLevel? minimumLevel = null, string? sector = null, bool publicSubject = false, bool backChannelLogout = false)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var clientId = "sys-" + Guid.NewGuid().ToString("N")[..12];
        var redirectUri = $"https://{clientId}.example.gov.cn/signin-oidc";
        await using var scope = factory.CreateScope();
        var issued = await scope.ServiceProvider.GetRequiredService<ClientRegistry>().RegisterAsync(
            clientId,
            confidential,
            new ClientSettings("测试业务系统" + clientId[^4..], [redirectUri], [PostLogoutUri], ["openid", .. scopes], fullPhone, minimumLevel, sector, publicSubject, backChannelLogout ? $"https://{clientId}.example.gov.cn/backchannel-logout" : null),
            actor: null,
            CancellationToken.None);
        return new SsoClient(factory, clientId, issued!.Secret, redirectUri);
    }

    /// <summary>The <c>sub</c> this client knows the account by (pairwise unless the client is marked public).</summary>
    public async Task<string> SubjectOfAsync(Guid accountId)
    {
        await using var scope = factory.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PairwiseSubjects>().SubjectAsync(accountId, clientId, CancellationToken.None))!;
    }

    public sealed record Request(string Url, string Verifier, string State);

    public Request AuthorizeRequest(string scope, bool pkce = true, string method = "S256", string? redirect = null, string? prompt = null, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var state = Guid.NewGuid().ToString("N");
        var parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirect ?? redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = state,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["prompt"] = prompt,
        };
        foreach (var (name, value) in extra ?? new Dictionary<string, string?>())
        {
            parameters[name] = value;
        }

        if (pkce)
        {
            parameters["code_challenge"] = method == "S256" ? WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) : verifier;
            parameters["code_challenge_method"] = method;
        }

        return new Request(QueryHelpers.AddQueryString("/connect/authorize", parameters.Where(p => p.Value is not null)!), verifier, state);
    }

    /// <summary>
    /// Follows the authorization request as the signed-in person; agrees on the consent page if it
    /// shows (posting <paramref name="choice"/> as the chosen 办事身份, if given). Returns the code.
    /// </summary>
    public async Task<(string Code, bool ConsentShown)> SignInAsync(PortalSession person, Request request, bool agree = true, string? choice = null)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(request);
        using var response = await person.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        if (response.StatusCode == HttpStatusCode.BadRequest)
        {
            // Refused at the portal itself (the Chinese error page names the protocol error).
            return ("refused:" + (await Html.ParseAsync(response)).QuerySelector("[data-sso-error]")?.TextContent, false);
        }

        var consentShown = response.StatusCode == HttpStatusCode.OK;
        var location = response.Headers.Location?.ToString();
        if (consentShown)
        {
            var page = await Html.ParseAsync(response);
            var decided = await person.SubmitAsync(page, "/connect/authorize", new Dictionary<string, string?> { ["decision"] = agree ? "accept" : "deny", [AgentSignIn.ChoiceField] = choice });
            location = decided.Location;
        }

        Assert.True(location?.StartsWith(redirectUri, StringComparison.Ordinal) == true, $"Expected a redirect to the client, got {(int)response.StatusCode} {location} {((int)response.StatusCode == 500 ? factory.LoggedErrors() : null)}");
        var answer = QueryHelpers.ParseQuery(new Uri(location!).Query);
        Assert.Equal(request.State, answer["state"].ToString());
        return (answer.TryGetValue("code", out var code) ? code.ToString() : "error:" + answer["error"], consentShown);
    }

    public Task<TokenAnswer> RedeemAsync(string code, string verifier) => TokenAsync(new()
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = redirectUri,
        ["code_verifier"] = verifier,
    });

    public Task<TokenAnswer> RefreshAsync(string refreshToken) => TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public Task<TokenAnswer> ClientCredentialsAsync(string? scope = null, string? secretOverride = null) =>
        TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = scope }, secretOverride);

    public async Task<HttpStatusCode> RevokeAsync(string token)
    {
        using var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent(Credentials(new() { ["token"] = token }, null));
        using var response = await client.PostAsync(new Uri("/connect/revoke", UriKind.Relative), content);
        return response.StatusCode;
    }

    public async Task<(HttpStatusCode Status, JsonElement Claims)> UserInfoAsync(string accessToken, HttpClient? via = null)
    {
        using var own = via is null ? factory.CreateClient() : null;
        var client = via ?? own!;
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/connect/userinfo", UriKind.Relative));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await client.SendAsync(request);

        // Kestrel refuses to send a header with a character outside printable ASCII (a 500 instead of
        // the answer); the in-memory test server does not, so check here what Kestrel would.
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            Assert.All(values, value => Assert.True(value.All(c => c is >= ' ' and <= '~'), $"{name}: {value} cannot be sent by Kestrel"));
        }

        var body = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, body.Length > 0 && body[0] == '{' ? JsonDocument.Parse(body).RootElement.Clone() : default);
    }

    private async Task<TokenAnswer> TokenAsync(Dictionary<string, string?> fields, string? secretOverride = null)
    {
        using var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent(Credentials(fields, secretOverride));
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        return new TokenAnswer(response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone());
    }

    private IEnumerable<KeyValuePair<string, string>> Credentials(Dictionary<string, string?> fields, string? secretOverride)
    {
        fields["client_id"] = clientId;
        fields["client_secret"] = secretOverride ?? secret;
        return fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!));
    }
}

public sealed record TokenAnswer(HttpStatusCode Status, JsonElement Json)
{
    public string? Error => Json.TryGetProperty("error", out var error) ? error.GetString() : null;

    public string Get(string name) => Json.GetProperty(name).GetString()!;

    /// <summary>The payload of a JWT (signature checked elsewhere: here, what it says).</summary>
    public JsonElement Payload(string tokenName)
    {
        var parts = Get(tokenName).Split('.');
        return JsonDocument.Parse(WebEncoders.Base64UrlDecode(parts[1])).RootElement.Clone();
    }
}
