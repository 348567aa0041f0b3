using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.BackChannel;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: what queues a logout token (退出, a password reset, 退出其他设备,
/// 退出该设备, consent withdrawn), the token a standard library validates, delivery retried with a
/// doubling wait then given up and shown in 接入系统, one delivery with two instances, and retention.
/// </summary>
public abstract class BackChannelLogoutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Event = "http://schemas.openid.net/event/backchannel-logout";

    [Fact]
    public async Task Signing_out_of_the_portal_sends_each_client_a_logout_token_a_standard_library_validates()
    {
        var (sso, _, person, tokens) = await SignedInAtClientAsync();
        var silent = await SsoClient.RegisterAsync(factory, ["profile"]); // no back-channel address: nothing to send
        await SignInAsync(silent, person);

        Assert.Equal("/", (await person.SubmitAsync(await person.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>())).Location);
        await DeliverAsync();

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.SignedOut, row.Reason);
        Assert.NotNull(row.DeliveredAt);
        Assert.Empty(await RowsAsync(silent.ClientId));
        var token = Assert.Single(factory.ClientSystems.ReceivedBy(sso.Host));

        // Microsoft.IdentityModel against the published key set: signature, iss, aud, lifetime, type.
        using var client = factory.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        var keys = new JsonWebKeySet(await client.GetStringAsync(new Uri(discovery.RootElement.GetProperty("jwks_uri").GetString()!)));
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = discovery.RootElement.GetProperty("issuer").GetString(),
            ValidAudience = sso.ClientId,
            IssuerSigningKeys = keys.GetSigningKeys(),
            ValidTypes = ["logout+jwt"],
            RequireExpirationTime = true,
            LifetimeValidator = (_, _, _, _) => true, // the portal's clock is the test's; checked below against iat
        });
        Assert.True(result.IsValid, result.Exception?.Message);

        var claims = JsonDocument.Parse(Base64UrlEncoder.Decode(((JsonWebToken)result.SecurityToken).EncodedPayload)).RootElement;
        var identity = tokens.Payload("id_token");
        Assert.Equal(identity.GetProperty("sub").GetString(), claims.GetProperty("sub").GetString());
        Assert.Equal(identity.GetProperty("sid").GetString(), claims.GetProperty("sid").GetString());
        Assert.Equal(JsonValueKind.Object, claims.GetProperty("events").GetProperty(Event).ValueKind);
        Assert.False(claims.TryGetProperty("nonce", out _));
        Assert.False(string.IsNullOrEmpty(claims.GetProperty("jti").GetString()));
        var lifetime = claims.GetProperty("exp").GetInt64() - claims.GetProperty("iat").GetInt64();
        Assert.InRange(lifetime, 1, 300);
        var now = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        Assert.InRange(claims.GetProperty("iat").GetInt64(), now - 30, now); // by the portal's clock, at the delivery
    }

    [Fact]
    public async Task A_password_reset_ends_every_session_at_the_client()
    {
        var (sso, citizen, _, tokens) = await SignedInAtClientAsync();

        factory.Clock.Advance(TimeSpan.FromMinutes(2)); // past the registration code's resend limit
        try
        {
            var (_, reset) = await factory.NewSession().ResetPasswordAsync(citizen.IdNumber, () => factory.LatestSmsCodeAsync(citizen.Phone), "Reset#2026pwX");
            Assert.Equal(HttpStatusCode.Redirect, reset.Status);
        }
        finally
        {
            factory.Clock.Advance(-TimeSpan.FromMinutes(2));
        }

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.AllSessionsEnded, row.Reason);
        Assert.Equal(tokens.Payload("id_token").GetProperty("sub").GetString(), row.Subject);
        Assert.Null(row.SessionId); // every session of the person, not one
    }

    [Fact]
    public async Task Signing_out_other_devices_ends_their_sessions_at_the_client_and_not_this_one()
    {
        var (sso, citizen, here, tokens) = await SignedInAtClientAsync();
        var elsewhere = factory.NewSession();
        Assert.Equal("/my", (await elsewhere.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var elsewhereTokens = await SignInAsync(sso, elsewhere);

        Assert.Equal(HttpStatusCode.Redirect, (await here.SubmitAsync(await here.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>(), postTo: "/my/sign-out-others")).Status);

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.SessionsEnded, row.Reason);
        Assert.Equal(elsewhereTokens.Payload("id_token").GetProperty("sid").GetString(), row.SessionId);
        Assert.NotEqual(tokens.Payload("id_token").GetProperty("sid").GetString(), row.SessionId);
    }

    [Fact]
    public async Task Ending_one_device_on_the_sign_in_record_ends_its_session_at_the_client()
    {
        var (sso, citizen, here, _) = await SignedInAtClientAsync();
        var elsewhere = factory.NewSession();
        Assert.Equal("/my", (await elsewhere.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var elsewhereTokens = await SignInAsync(sso, elsewhere);
        var accountId = await factory.PersonIdAsync(citizen);
        var sessions = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId && s.EndedAt == null).OrderBy(s => s.CreatedAt).Select(s => s.Id).ToListAsync());

        var page = await here.GetPageAsync("/my/sign-ins");
        var ended = await here.SubmitAsync(page, $"/my/sign-ins/{sessions[^1]:N}/end", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.Redirect, ended.Status);

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.SessionsEnded, row.Reason);
        Assert.Equal(elsewhereTokens.Payload("id_token").GetProperty("sid").GetString(), row.SessionId);
    }

    [Fact]
    public async Task Withdrawing_consent_tells_that_client_only()
    {
        var (sso, _, person, tokens) = await SignedInAtClientAsync();
        var other = await SsoClient.RegisterAsync(factory, ["profile"], backChannelLogout: true);
        await SignInAsync(other, person);

        var my = await person.GetPageAsync("/my");
        var consent = my.QuerySelectorAll("[data-consents] li").Single(li => li.GetAttribute("data-consent")!.Contains(sso.ClientId[^4..], StringComparison.Ordinal));
        Assert.Equal("/my", (await person.SubmitAsync(my, consent.QuerySelector("form")!.GetAttribute("action")!, new Dictionary<string, string?>())).Location);

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.ConsentWithdrawn, row.Reason);
        Assert.Equal(tokens.Payload("id_token").GetProperty("sub").GetString(), row.Subject);
        Assert.Null(row.SessionId);
        Assert.Empty(await RowsAsync(other.ClientId));
    }

    [Fact]
    public async Task Account_closing_stages_the_logouts_and_the_revocations_for_the_caller_to_save_with_its_change()
    {
        var (sso, citizen, person, tokens) = await SignedInAtClientAsync();
        var refresh = (await SignInWithRefreshAsync(sso, person)).Get("refresh_token");
        var accountId = await factory.PersonIdAsync(citizen);

        await using (var scope = factory.CreateScope())
        {
            var logouts = scope.ServiceProvider.GetRequiredService<BackChannelLogouts>();
            Assert.Equal(1, await logouts.QueueForAccountAsync(accountId, BackChannelLogoutReasons.AccountClosed, CancellationToken.None));
            await logouts.RevokeGrantsAsync(accountId, CancellationToken.None);

            // Nothing written until the caller saves (its state change and audit row in the same save).
            Assert.Empty(await RowsAsync(sso.ClientId));
            var subject = accountId.ToString();
            Assert.True(await factory.QueryAsync(db => db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().AnyAsync(t => t.Subject == subject && t.Status == "valid")));
            await scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>().SaveChangesAsync();
        }

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(BackChannelLogoutReasons.AccountClosed, row.Reason);
        Assert.Equal(tokens.Payload("id_token").GetProperty("sub").GetString(), row.Subject);
        Assert.Null(row.SessionId);
        Assert.Equal("invalid_grant", (await sso.RefreshAsync(refresh)).Error);
    }

    [Fact]
    public async Task A_failing_client_is_tried_again_after_doubling_waits_then_given_up_and_shown_to_its_administrator()
    {
        var (sso, _, person, _) = await SignedInAtClientAsync();
        factory.ClientSystems.Answer(sso.Host, HttpStatusCode.InternalServerError);
        await person.SubmitAsync(await person.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>());
        var moved = TimeSpan.Zero;
        try
        {
            var waits = new List<TimeSpan>();
            for (var attempt = 1; attempt <= 8; attempt++)
            {
                await DeliverAsync();
                var row = Assert.Single(await RowsAsync(sso.ClientId));
                Assert.Equal(attempt, row.FailedAttempts);
                Assert.Equal("HTTP 500", row.DeliveryError);
                if (attempt == 8)
                {
                    Assert.NotNull(row.GaveUpAt);
                    Assert.Null(row.NextAttemptAt);
                    break;
                }

                // Not tried again before it is due.
                var wait = row.NextAttemptAt!.Value - factory.Clock.GetUtcNow().UtcDateTime;
                waits.Add(wait);
                Advance(wait - TimeSpan.FromSeconds(1));
                await DeliverAsync();
                Assert.Equal(attempt, Assert.Single(await RowsAsync(sso.ClientId)).FailedAttempts);
                Advance(TimeSpan.FromSeconds(1));
            }

            // 30 s, then twice the last each time (the test clock runs on meanwhile: within a second).
            Assert.All(waits.Select((wait, i) => (wait, expected: TimeSpan.FromSeconds(30 * (1 << i)))), w => Assert.InRange(w.wait, w.expected - TimeSpan.FromSeconds(1), w.expected));
            Assert.Equal(8, factory.ClientSystems.ReceivedBy(sso.Host).Count);

            // Given up: never tried again, and its administrator sees it on the client's page.
            Advance(TimeSpan.FromDays(1));
            await DeliverAsync();
            Assert.Equal(8, factory.ClientSystems.ReceivedBy(sso.Host).Count);
        }
        finally
        {
            Advance(-moved);
        }

        // (The staff sign-in's one-time code goes by the real time: after the clock is back.)
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var page = await admin.GetPageAsync($"/counter/clients/{sso.ClientId}");
        var shown = page.QuerySelector("[data-given-up] tbody tr")!.TextContent;
        Assert.Contains(BackChannelLogoutReasons.SignedOut, shown, StringComparison.Ordinal);
        Assert.Contains("HTTP 500", shown, StringComparison.Ordinal);

        void Advance(TimeSpan by)
        {
            factory.Clock.Advance(by);
            moved += by;
        }
    }

    [Fact]
    public async Task An_unreachable_client_is_tried_again_with_the_connection_error_recorded()
    {
        var (sso, _, person, _) = await SignedInAtClientAsync();
        factory.ClientSystems.Unreachable(sso.Host);
        await person.SubmitAsync(await person.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>());

        await DeliverAsync();

        var row = Assert.Single(await RowsAsync(sso.ClientId));
        Assert.Equal(1, row.FailedAttempts);
        Assert.StartsWith(nameof(HttpRequestException), row.DeliveryError, StringComparison.Ordinal);
        Assert.NotNull(row.NextAttemptAt);
        Assert.Null(row.GaveUpAt);
    }

    [Fact]
    public async Task Two_instances_draining_together_deliver_each_logout_once()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"], backChannelLogout: true);
        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>();
            db.BackChannelLogouts.AddRange(Enumerable.Range(0, 45).Select(i => BackChannelLogout.Queue(sso.ClientId, $"subject-{i}", null, BackChannelLogoutReasons.AllSessionsEnded, now)));
            await db.SaveChangesAsync();
        }

        await Task.WhenAll(
            factory.Services.GetRequiredService<BackChannelDelivery>().DeliverDueAsync(CancellationToken.None),
            second.Services.GetRequiredService<BackChannelDelivery>().DeliverDueAsync(CancellationToken.None));

        var rows = await RowsAsync(sso.ClientId);
        Assert.Equal(45, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.DeliveredAt));
        var received = factory.ClientSystems.ReceivedBy(sso.Host).Concat(second.ClientSystems.ReceivedBy(sso.Host)).ToList();
        Assert.Equal(45, received.Count);
        Assert.Equal(45, received.Select(t => new JsonWebToken(t).Subject).Distinct().Count());
    }

    [Fact]
    public async Task Retention_deletes_delivered_and_given_up_rows_after_the_period_and_keeps_the_rest()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"], backChannelLogout: true);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        BackChannelLogout Row(string subject, Action<BackChannelLogout> state)
        {
            var row = BackChannelLogout.Queue(sso.ClientId, subject, null, BackChannelLogoutReasons.SignedOut, now.AddDays(-40));
            state(row);
            return row;
        }

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>();
            db.BackChannelLogouts.AddRange(
                Row("old-delivered", r => r.Delivered(now.AddDays(-31))),
                Row("old-given-up", r => r.Failed(now.AddDays(-31), "HTTP 500", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), 1)),
                Row("recent-delivered", r => r.Delivered(now.AddDays(-29))),
                Row("still-pending", r => r.NextAttemptAt = now.AddDays(1)));
            await db.SaveChangesAsync();
        }

        await using (var scope = factory.CreateScope())
        {
            var task = scope.ServiceProvider.GetServices<IRetentionTask>().OfType<BackChannelLogoutRetention>().Single();
            Assert.Equal(2, await task.RunAsync(now, CancellationToken.None));
        }

        Assert.Equal(["recent-delivered", "still-pending"], (await RowsAsync(sso.ClientId)).Select(r => r.Subject).Order(StringComparer.Ordinal));
    }

    private async Task<(SsoClient Sso, Citizen Citizen, PortalSession Person, TokenAnswer Tokens)> SignedInAtClientAsync()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"], backChannelLogout: true);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        return (sso, citizen, person, await SignInAsync(sso, person));
    }

    private static async Task<TokenAnswer> SignInAsync(SsoClient sso, PortalSession person)
    {
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }

    private static async Task<TokenAnswer> SignInWithRefreshAsync(SsoClient sso, PortalSession person)
    {
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }

    private Task<int> DeliverAsync() => factory.Services.GetRequiredService<BackChannelDelivery>().DeliverDueAsync(CancellationToken.None);

    private Task<List<BackChannelLogout>> RowsAsync(string clientId) =>
        factory.QueryAsync(db => db.BackChannelLogouts.AsNoTracking().Where(l => l.ClientId == clientId).OrderBy(l => l.Id).ToListAsync());
}

public sealed class SqliteBackChannelLogoutTests(SqlitePortalFactory factory) : BackChannelLogoutTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlBackChannelLogoutTests(PostgreSqlPortalFactory factory) : BackChannelLogoutTests<PostgreSqlPortalFactory>(factory);
