using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// Pairwise subjects (OpenID Connect Core §8.1, docs/decisions/0015-pairwise-subjects.md): each client
/// system, or each sector of them, knows a person by its own <c>sub</c>, stable across sign-ins,
/// refreshes and instances; a client marked public gets the account id.
/// </summary>
public abstract class PairwiseSubjectTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Scope = "openid profile offline_access";

    [Fact]
    public async Task Two_client_systems_know_one_person_by_different_subjects_and_userinfo_says_the_same_as_the_identity_token()
    {
        var first = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var second = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var accountId = await factory.PersonIdAsync(citizen);

        var atFirst = await TokensAsync(first, person);
        var atSecond = await TokensAsync(second, person);

        var subject = Sub(atFirst, "id_token");
        Assert.NotEqual(subject, Sub(atSecond, "id_token"));
        Assert.DoesNotContain(accountId.ToString(), atFirst.Json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(accountId.ToString(), atSecond.Json.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(subject, Sub(atFirst, "access_token"));
        var (status, claims) = await first.UserInfoAsync(atFirst.Get("access_token"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(subject, claims.GetProperty("sub").GetString());
        Assert.Equal(citizen.Name, claims.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Client_systems_an_administrator_put_in_one_sector_share_the_subject()
    {
        var sector = "sector-" + Guid.NewGuid().ToString("N")[..8];
        var first = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"], sector: sector);
        var second = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"], sector: sector);
        var outside = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (_, person) = await factory.RegisteredCitizenAsync();

        var subject = Sub(await TokensAsync(first, person), "id_token");
        Assert.Equal(subject, Sub(await TokensAsync(second, person), "id_token"));
        Assert.NotEqual(subject, Sub(await TokensAsync(outside, person), "id_token"));
    }

    [Fact]
    public async Task A_client_marked_public_gets_the_account_id()
    {
        var marked = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"], publicSubject: true);
        var (citizen, person) = await factory.RegisteredCitizenAsync();

        var tokens = await TokensAsync(marked, person);

        Assert.Equal((await factory.PersonIdAsync(citizen)).ToString(), Sub(tokens, "id_token"));
        Assert.Equal((await factory.PersonIdAsync(citizen)).ToString(), (await marked.UserInfoAsync(tokens.Get("access_token"))).Claims.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task The_subject_and_sid_are_stable_across_sign_ins_refreshes_and_instances()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var other = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();

        var tokens = await TokensAsync(sso, person);
        var subject = Sub(tokens, "id_token");
        var sid = tokens.Payload("id_token").GetProperty("sid").GetString();
        Assert.False(string.IsNullOrEmpty(sid));
        Assert.NotEqual(sid, (await TokensAsync(other, person)).Payload("id_token").GetProperty("sid").GetString());

        // Signed in again in the same session, and refreshed: the same sub and sid.
        var again = await TokensAsync(sso, person);
        Assert.Equal(subject, Sub(again, "id_token"));
        Assert.Equal(sid, again.Payload("id_token").GetProperty("sid").GetString());
        var refreshed = await sso.RefreshAsync(tokens.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(subject, Sub(refreshed, "id_token"));
        Assert.Equal(subject, Sub(refreshed, "access_token"));
        Assert.Equal(sid, refreshed.Payload("id_token").GetProperty("sid").GetString());

        // Another instance on the same database (the key is a database row) refreshes to the same sub.
        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        var elsewhere = await new SsoClient(second, sso.ClientId, sso.Secret, sso.RedirectUri).RefreshAsync(refreshed.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, elsewhere.Status);
        Assert.Equal(subject, Sub(elsewhere, "id_token"));

        // A new sign-in (a new portal session): the same sub, another sid.
        var later = factory.NewSession();
        Assert.Equal("/my", (await later.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var next = await TokensAsync(sso, later);
        Assert.Equal(subject, Sub(next, "id_token"));
        Assert.NotEqual(sid, next.Payload("id_token").GetProperty("sid").GetString());
    }

    [Fact]
    public async Task Discovery_lists_both_subject_types_every_released_claim_and_back_channel_logout()
    {
        using var client = factory.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        var root = discovery.RootElement;

        Assert.Equal(["pairwise", "public"], root.GetProperty("subject_types_supported").EnumerateArray().Select(e => e.GetString()).Order(StringComparer.Ordinal));
        var claims = root.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ToHashSet();
        Assert.Superset(
            new HashSet<string?> { "sub", "sid", "name", "account_kind", "phone_number", "phone_number_verified", "id_number", "organization_name", "credit_code", "organization_type", "acr", "amr", "auth_time", "agent_name", "agent_role", "agent_authorization", "agent_expires" },
            claims);
        Assert.True(root.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.True(root.GetProperty("backchannel_logout_session_supported").GetBoolean());
    }

    [Fact]
    public async Task An_administrator_sets_the_sector_the_public_subject_and_the_logout_address_in_the_client_form()
    {
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var form = await admin.GetPageAsync("/counter/clients/new");
        var clientId = "bj-" + Guid.NewGuid().ToString("N")[..10];
        var fields = new Dictionary<string, string?>
        {
            ["ClientId"] = clientId,
            ["Name"] = "社保查询系统",
            ["RedirectUris"] = "https://shebao.example.gov.cn/signin-oidc",
            ["Confidential"] = "true",
            ["Sector"] = "Shebao!",
            ["BackChannelLogoutUri"] = "http://shebao.example.gov.cn/backchannel-logout",
        };

        var refused = await admin.SubmitAsync(form, "/counter/clients/new", fields);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ClientMessages.SectorRule, refused.Body, StringComparison.Ordinal);
        Assert.Contains(ClientMessages.BackChannelLogoutUriRule, refused.Body, StringComparison.Ordinal);

        fields["Sector"] = "shebao";
        fields["BackChannelLogoutUri"] = "https://shebao.example.gov.cn/backchannel-logout";
        fields["PublicSubject"] = "true";
        Assert.Equal(HttpStatusCode.OK, (await admin.SubmitAsync(form, "/counter/clients/new", fields)).Status);

        var edit = await admin.GetPageAsync($"/counter/clients/{clientId}");
        Assert.Equal("shebao", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#Sector")!).Value);
        Assert.Equal("https://shebao.example.gov.cn/backchannel-logout", ((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#BackChannelLogoutUri")!).Value);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)edit.QuerySelector("#PublicSubject")!).IsChecked);
        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Detail!.StartsWith(clientId)).Select(e => e.Detail).SingleAsync());
        Assert.Contains("标识:public", audited, StringComparison.Ordinal);
        Assert.Contains("后端退出通知:https://shebao.example.gov.cn/backchannel-logout", audited, StringComparison.Ordinal);
    }

    private static string? Sub(TokenAnswer tokens, string token) => tokens.Payload(token).GetProperty("sub").GetString();

    private static async Task<TokenAnswer> TokensAsync(SsoClient sso, PortalSession person)
    {
        var request = sso.AuthorizeRequest(Scope);
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        return tokens;
    }
}

public sealed class SqlitePairwiseSubjectTests(SqlitePortalFactory factory) : PairwiseSubjectTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlPairwiseSubjectTests(PostgreSqlPortalFactory factory) : PairwiseSubjectTests<PostgreSqlPortalFactory>(factory);
