using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using ShanxiIdentity.Web.Tests.Security;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// Every endpoint OpenIddict is configured with — read from its options, so a renamed or a newly
/// enabled endpoint is included — is offered OpenIddict's handler, and every endpoint where a client
/// system proves itself is under the token rate limit (limit 2 in this factory).
/// </summary>
public sealed class ProtocolPathsTests(RateLimitTests.LowLimitsFactory factory) : IClassFixture<RateLimitTests.LowLimitsFactory>
{
    /// <summary>
    /// Each kind of endpoint OpenIddict knows, and whether a client authenticates there (secret,
    /// code, refresh token: the token limit applies). A kind missing here fails the test: decide.
    /// </summary>
    private static readonly Dictionary<string, bool> ClientAuthenticates = new(StringComparer.Ordinal)
    {
        ["Authorization"] = false, // a person's browser; the login form it leads to has the credentials limit
        ["EndSession"] = false,
        ["EndUserVerification"] = false,
        ["UserInfo"] = false, // a signed access token, checked by its signature
        ["Configuration"] = false, // public documents
        ["JsonWebKeySet"] = false,
        ["Token"] = true,
        ["Revocation"] = true,
        ["Introspection"] = true,
        ["DeviceAuthorization"] = true,
        ["PushedAuthorization"] = true,
    };

    private static int _address;

    [Fact]
    public async Task Every_configured_endpoint_gets_the_protocol_handler_and_a_page_does_not()
    {
        var endpoints = ConfiguredEndpoints(factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value);
        Assert.Contains(endpoints, e => e.Kind == "Token");
        Assert.Contains(endpoints, e => e.Kind == "Configuration");

        foreach (var (kind, path) in endpoints)
        {
            Assert.True(await OffersProtocolHandlerAsync(path), $"{kind} endpoint ({path}) is not offered OpenIddict's handler");
        }

        // The filter stops at the protocol.
        Assert.False(await OffersProtocolHandlerAsync("/account/login"));
    }

    [Fact]
    public void The_endpoints_checking_client_secrets_are_under_the_token_limit_and_a_page_is_not()
    {
        foreach (var (kind, path) in ConfiguredEndpoints(factory.Services.GetRequiredService<IOptions<OpenIddictServerOptions>>().Value))
        {
            Assert.True(ClientAuthenticates.TryGetValue(kind, out var authenticates), $"{kind} endpoint ({path}): add it to ClientAuthenticates, with or without the token limit");
            Assert.True(authenticates == IsLimitedAfterTwo(path), $"{kind} endpoint ({path}) {(authenticates ? "is not" : "is")} under the token limit");
        }

        // The limit stops at the protocol: a page does not count.
        Assert.False(IsLimitedAfterTwo("/guide/faq"));
    }

    private static List<(string Kind, string Path)> ConfiguredEndpoints(OpenIddictServerOptions options) =>
    [
        .. from property in typeof(OpenIddictServerOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance)
           where property.Name.EndsWith("EndpointUris", StringComparison.Ordinal) && property.PropertyType == typeof(List<Uri>)
           from uri in (List<Uri>)property.GetValue(options)!
           select (property.Name[..^"EndpointUris".Length], uri.IsAbsoluteUri ? uri.AbsolutePath : "/" + uri.OriginalString.TrimStart('/')),
    ];

    private async Task<bool> OffersProtocolHandlerAsync(string path)
    {
        await using var scope = factory.CreateScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Path = path;
        var handlers = scope.ServiceProvider.GetRequiredService<IAuthenticationHandlerProvider>();
        return await handlers.GetHandlerAsync(context, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme) is not null;
    }

    /// <summary>Three requests from a fresh address (so no other test's count interferes): is the third refused?</summary>
    private bool IsLimitedAfterTwo(string path)
    {
        var limiter = factory.Services.GetRequiredService<IOptions<RateLimiterOptions>>().Value.GlobalLimiter!;
        var context = new DefaultHttpContext { RequestServices = factory.Services };
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = new IPAddress([198, 51, 100, (byte)Interlocked.Increment(ref _address)]);
        var leases = Enumerable.Range(0, 3).Select(_ => limiter.AttemptAcquire(context)).ToList();
        try
        {
            return !leases[2].IsAcquired;
        }
        finally
        {
            leases.ForEach(lease => lease.Dispose());
        }
    }
}
