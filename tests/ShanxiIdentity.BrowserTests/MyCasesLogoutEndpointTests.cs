using System.Net;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.BackChannel;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 我的办件's back-channel logout endpoint takes nothing but a valid, unseen logout token of the portal
/// for this very system: every other input is refused with 400 (no browser here: server to server).
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class MyCasesLogoutEndpointTests(BrowserFixture browser)
{
    private const string ClientId = "wode-banjian-endpoint";
    private const string Event = "http://schemas.openid.net/event/backchannel-logout";

    [Fact]
    public async Task A_valid_logout_token_is_accepted_once_and_its_replay_refused()
    {
        var (cases, address) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, ClientId, "我的办件（退出通知测试）");
        await using var _ = cases;
        var token = await PortalTokenAsync(ClientId);

        Assert.Equal(HttpStatusCode.OK, await PostAsync(address, token));
        Assert.Equal(HttpStatusCode.BadRequest, await PostAsync(address, token));
    }

    [Fact]
    public async Task Anything_but_a_valid_token_for_this_system_is_refused()
    {
        var (cases, address) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, ClientId + "-bad", "我的办件（退出通知测试）");
        await using var _ = cases;
        var now = browser.Portal.Clock.GetUtcNow();
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var cases_ = new Dictionary<string, string?>
        {
            ["no token"] = null,
            ["empty"] = string.Empty,
            ["not a JWT"] = "abc.def.ghi",
            ["oversized"] = new string('a', 20_000),
            ["for another system"] = await PortalTokenAsync("another-system"),
            ["unsigned"] = Sign(Claims(ClientId), null),
            ["signed by another key"] = Sign(Claims(ClientId), new SigningCredentials(new ECDsaSecurityKey(stranger) { KeyId = PortalKey().Key.KeyId }, SecurityAlgorithms.EcdsaSha256)),
            ["typ JWT"] = Sign(Claims(ClientId), PortalKey(), type: "JWT"),
            ["another issuer"] = Sign(Claims(ClientId, issuer: "https://elsewhere.example.gov.cn/"), PortalKey()),
            ["expired"] = Sign(Claims(ClientId, at: now.AddMinutes(-30)), PortalKey()),
            ["with a nonce"] = Sign(Claims(ClientId, extra: ("nonce", "n-1")), PortalKey()),
            ["without the event"] = Sign(Claims(ClientId, events: false), PortalKey()),
            ["without jti"] = Sign(Claims(ClientId, jti: false), PortalKey()),
            ["without sub or sid"] = Sign(Claims(ClientId, sub: false), PortalKey()),
        };

        foreach (var (name, token) in cases_)
        {
            Assert.True(await PostAsync(address, token) == HttpStatusCode.BadRequest, name);
        }

        // Not a form, and not a POST.
        using var http = new HttpClient();
        using var json = new StringContent($"{{\"logout_token\":\"{await PortalTokenAsync(ClientId + "-bad")}\"}}", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync(new Uri(address, "backchannel-logout"), json)).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await http.GetAsync(new Uri(address, "backchannel-logout"))).StatusCode);

        // The same claims properly signed and addressed pass: the refusals above are each for their one fault.
        Assert.Equal(HttpStatusCode.OK, await PostAsync(address, Sign(Claims(ClientId + "-bad"), PortalKey())));
    }

    private static async Task<HttpStatusCode> PostAsync(Uri address, string? token)
    {
        using var http = new HttpClient();
        using var form = new FormUrlEncodedContent(token is null ? [] : [KeyValuePair.Create("logout_token", token)]);
        using var response = await http.PostAsync(new Uri(address, "backchannel-logout"), form);
        return response.StatusCode;
    }

    /// <summary>A logout token as the portal makes it for a delivery.</summary>
    private async Task<string> PortalTokenAsync(string clientId) =>
        await browser.Portal.Services.GetRequiredService<LogoutTokens>().CreateAsync(BackChannelLogout.Queue(clientId, "subject-" + Guid.NewGuid().ToString("N"), null, BackChannelLogoutReasons.SignedOut, DateTime.UtcNow), CancellationToken.None);

    private SigningCredentials PortalKey() => ProviderKeyRing.Credentials(browser.Portal.Services.GetRequiredService<ProviderKeyRing>().Current(browser.Portal.Clock.GetUtcNow()));

    private SecurityTokenDescriptor Claims(string audience, string? issuer = null, DateTimeOffset? at = null, bool events = true, bool jti = true, bool sub = true, (string Name, object Value)? extra = null)
    {
        var issued = at ?? browser.Portal.Clock.GetUtcNow();
        var claims = new Dictionary<string, object>();
        if (sub)
        {
            claims["sub"] = "subject-" + Guid.NewGuid().ToString("N");
        }

        if (jti)
        {
            claims["jti"] = Guid.NewGuid().ToString("N");
        }

        if (events)
        {
            claims["events"] = new Dictionary<string, object> { [Event] = new Dictionary<string, object>() };
        }

        if (extra is { } more)
        {
            claims[more.Name] = more.Value;
        }

        return new SecurityTokenDescriptor
        {
            Issuer = issuer ?? browser.BaseAddress.ToString(),
            Audience = audience,
            IssuedAt = issued.UtcDateTime,
            Expires = issued.AddMinutes(2).UtcDateTime,
            Claims = claims,
            TokenType = "logout+jwt",
        };
    }

    private static string Sign(SecurityTokenDescriptor descriptor, SigningCredentials? key, string? type = null)
    {
        descriptor.SigningCredentials = key;
        if (type is not null)
        {
            descriptor.TokenType = type;
        }

        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }
}
