using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// Signing-key rollover (docs/decisions/0008-signing-key-rollover.md): a scheduled key is published
/// ahead of use, signs from its activation, and the old key is published until its tokens expired.
/// Its own portal, since it moves the clock by days.
/// </summary>
public abstract class SigningKeyRolloverTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_new_signing_key_is_published_ahead_signs_from_its_activation_and_the_old_one_leaves_once_its_tokens_expired()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var oldKey = Assert.Single(await SigningKeyIdsAsync(factory));

        DateTime activation;
        await using (var scope = factory.CreateScope())
        {
            activation = (await scope.ServiceProvider.GetRequiredService<ProviderKeyRing>().ScheduleRotationAsync(
                scope.ServiceProvider.GetRequiredService<PortalDbContext>(), factory.Clock, TimeSpan.FromHours(48), CancellationToken.None))!.Value;
        }

        var published = await SigningKeyIdsAsync(factory);
        Assert.Equal(2, published.Count);
        var newKey = Assert.Single(published, k => k != oldKey);

        // Every instance reads the keys from the database.
        await using (var second = new SameDatabasePortalFactory(factory))
        {
            await second.InitializeAsync();
            Assert.Equal(published.Order(), (await SigningKeyIdsAsync(second)).Order());
        }

        // Until its activation the new key signs nothing.
        Assert.Equal(oldKey, KeyId((await TokensAsync(sso)).Get("access_token")));
        factory.Clock.Advance(activation - factory.Clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(5));
        var before = await TokensAsync(sso);
        Assert.Equal(oldKey, KeyId(before.Get("access_token")));

        // From its activation it signs; what the old key signed still validates.
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(newKey, KeyId((await TokensAsync(sso)).Get("access_token")));
        Assert.Equal(HttpStatusCode.OK, (await sso.UserInfoAsync(before.Get("access_token"))).Status);
        var refreshed = await sso.RefreshAsync(before.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(newKey, KeyId(refreshed.Get("access_token")));
        Assert.Equal(2, (await SigningKeyIdsAsync(factory)).Count);

        // Once every token it signed has expired, the old key leaves the key set.
        factory.Clock.Advance(ProviderKeyRing.Retention);
        Assert.Equal([newKey], await SigningKeyIdsAsync(factory));
        Assert.Equal(newKey, KeyId((await TokensAsync(sso)).Get("access_token")));
    }

    private async Task<TokenAnswer> TokensAsync(SsoClient sso)
    {
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }

    private static string KeyId(string jwt) =>
        JsonDocument.Parse(WebEncoders.Base64UrlDecode(jwt.Split('.')[0])).RootElement.GetProperty("kid").GetString()!;

    private static async Task<List<string>> SigningKeyIdsAsync(PortalFactory portal)
    {
        using var client = portal.CreateClient();
        using var keys = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/jwks", UriKind.Relative)));
        return [.. keys.RootElement.GetProperty("keys").EnumerateArray()
            .Where(k => k.GetProperty("use").GetString() == "sig")
            .Select(k => k.GetProperty("kid").GetString()!)];
    }
}

public sealed class SqliteSigningKeyRolloverTests(SqlitePortalFactory factory) : SigningKeyRolloverTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlSigningKeyRolloverTests(PostgreSqlPortalFactory factory) : SigningKeyRolloverTests<PostgreSqlPortalFactory>(factory);
