using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using ShanxiIdentity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// The token endpoint under load, as Keycloak's sizing guide measures it: client-credential grants
/// (a system authenticating with its secret) and refresh-token grants (a signed-in person's client
/// renewing its tokens, each refresh token used once, as it rolls).
/// </summary>
internal static class TokenGrants
{
    public const string ClientId = "bench-system";
    public const string RedirectUri = "https://bench.example.gov.cn/signin-oidc";

    private static readonly ConditionalWeakTable<HttpClient, StrongBox<string>> RefreshTokens = [];

    /// <summary>Registers the benchmark's client straight in the database, through the portal's application manager (it hashes the secret).</summary>
    public static async Task<string> RegisterAsync(DatabaseProvider provider, string connectionString)
    {
        var services = new ServiceCollection();
        services.AddDbContext<PortalDbContext>(options => PortalDatabase.Configure(options, provider, connectionString));
        services.AddLogging();
        services.AddOpenIddict().AddCore(options =>
        {
            options.UseEntityFrameworkCore().UseDbContext<PortalDbContext>();
            options.ReplaceApplicationManager(typeof(ShanxiIdentity.Web.Services.SingleSignOn.PortalApplicationManager<>)); // the portal's secret hashing
        });
        await using var provided = services.BuildServiceProvider();
        await using var scope = provided.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        if (await applications.FindByClientIdAsync(ClientId) is { } existing)
        {
            await applications.DeleteAsync(existing);
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = "基准测试系统",
            RedirectUris = { new Uri(RedirectUri) },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken, Permissions.GrantTypes.ClientCredentials, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Profile, Permissions.Prefixes.Scope + Scopes.OfflineAccess,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        await applications.CreateAsync(descriptor);
        return secret;
    }

    public static async Task<bool> ClientCredentialsAsync(HttpClient client, string secret) =>
        await TokenAsync(client, secret, new() { ["grant_type"] = "client_credentials" }).ConfigureAwait(false) is not null;

    /// <summary>Before the clock: a person logs in and consents once per worker, which gives the worker its first refresh token.</summary>
    public static async Task SignInAsync(HttpClient client, string secret, int accounts)
    {
        if (!await PortalLogin.LogInAsync(client, accounts).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The benchmark's login failed.");
        }

        var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = ClientId,
            ["redirect_uri"] = RedirectUri,
            ["response_type"] = "code",
            ["scope"] = "openid profile offline_access",
            ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        // A person who consented before (an earlier worker, or the warm-up) goes straight back to the client.
        var (location, consent) = await Forms.OpenAsync(client, authorize).ConfigureAwait(false);
        if (location is null)
        {
            consent["decision"] = "accept";
            location = await Forms.PostAsync(client, "/connect/authorize", consent).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The consent did not redirect to the client.");
        }

        var code = QueryHelpers.ParseQuery(new Uri(location).Query)["code"].ToString();
        var tokens = await TokenAsync(client, secret, new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
            ["code_verifier"] = verifier,
        }).ConfigureAwait(false) ?? throw new InvalidOperationException("The code was not redeemed.");
        RefreshTokens.AddOrUpdate(client, new StrongBox<string>(tokens.GetProperty("refresh_token").GetString()!));

        // From here the worker is the client system's server, which never holds the person's portal
        // cookie: with it, every refresh also paid the portal's session check (a seventh of its CPU).
        LoadClient.ForgetCookies(client);
    }

    public static async Task<bool> RefreshAsync(HttpClient client, string secret)
    {
        var current = RefreshTokens.GetOrCreateValue(client);
        var tokens = await TokenAsync(client, secret, new() { ["grant_type"] = "refresh_token", ["refresh_token"] = current.Value }).ConfigureAwait(false);
        if (tokens is not { } answer)
        {
            return false;
        }

        current.Value = answer.GetProperty("refresh_token").GetString()!;
        return true;
    }

    private static async Task<JsonElement?> TokenAsync(HttpClient client, string secret, Dictionary<string, string?> fields)
    {
        fields["client_id"] = ClientId;
        fields["client_secret"] = secret;
        using var content = new FormUrlEncodedContent(fields!);
        using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK ? JsonDocument.Parse(body).RootElement.Clone() : null;
    }
}
