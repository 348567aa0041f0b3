using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// The portal as an OpenID Connect provider, driven as a client system would drive it: the code
/// flow with PKCE and consent, userinfo by scope, refresh, client credentials, revocation,
/// withdrawal on 我的账号, logout — and each refusal the protocol requires.
/// </summary>
public abstract class SingleSignOnTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string AllScopes = "openid profile phone id_number offline_access";

    [Fact]
    public async Task Discovery_publishes_the_endpoints_the_signing_key_and_S256_only()
    {
        using var client = factory.CreateClient();
        using var discovery = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        var root = discovery.RootElement;
        Assert.Equal("https://localhost/connect/authorize", root.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("https://localhost/connect/userinfo", root.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("https://localhost/connect/logout", root.GetProperty("end_session_endpoint").GetString());
        Assert.Equal(["S256"], root.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("id_number", root.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));

        using var keys = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri(root.GetProperty("jwks_uri").GetString()!)));
        Assert.Contains(keys.RootElement.GetProperty("keys").EnumerateArray(), key => key.GetProperty("use").GetString() == "sig" && key.GetProperty("kty").GetString() == "EC");
        Assert.Equal(["ES256"], root.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task A_person_signs_in_to_a_client_system_after_consenting_and_the_consent_is_remembered()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "phone", "id_number", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var accountId = await AccountIdAsync(citizen.IdNumber);

        var request = sso.AuthorizeRequest(AllScopes);
        using (var consentPage = await person.Client.GetAsync(new Uri(request.Url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, consentPage.StatusCode);
            var page = await Html.ParseAsync(consentPage);
            Assert.StartsWith("测试业务系统", page.QuerySelector("[data-client-name]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal(
                ["您在该系统的用户标识（各系统互不相同，不含身份证号）", "姓名（或单位名称）和账号类型", "预留手机号", "完整的身份证号", "在您离开后继续保持登录状态（刷新令牌）"],
                page.QuerySelectorAll("[data-requested-scopes] li").Select(li => li.TextContent.Trim()));
        }

        var (code, consentShown) = await sso.SignInAsync(person, request);
        Assert.True(consentShown);
        var tokens = await sso.RedeemAsync(code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);

        // The subject is the client's own (pairwise), neither the account id nor the ID number; the identity token names the person.
        var identity = tokens.Payload("id_token");
        Assert.Equal(await sso.SubjectOfAsync(accountId), identity.GetProperty("sub").GetString());
        Assert.NotEqual(accountId.ToString(), identity.GetProperty("sub").GetString());
        Assert.Equal(citizen.Name, identity.GetProperty("name").GetString());
        Assert.DoesNotContain(citizen.IdNumber, tokens.Json.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Phone, tokens.Json.GetRawText(), StringComparison.Ordinal);

        var (status, claims) = await sso.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("person", claims.GetProperty("account_kind").GetString());
        Assert.Equal(citizen.MaskedPhone, claims.GetProperty("phone_number").GetString());
        Assert.Equal(citizen.IdNumber, claims.GetProperty("id_number").GetString());

        // Next time, no consent page: straight back to the client.
        var again = sso.AuthorizeRequest(AllScopes);
        Assert.False((await sso.SignInAsync(person, again)).ConsentShown);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.ConsentGranted && e.SubjectAccountId == accountId)));
    }

    [Fact]
    public async Task Userinfo_releases_only_what_the_token_s_scopes_cover()
    {
        var full = await SsoClient.RegisterAsync(factory, ["profile", "phone"], fullPhone: true);
        var (citizen, person) = await factory.RegisteredCitizenAsync();

        var request = full.AuthorizeRequest("openid phone");
        var tokens = await full.RedeemAsync((await full.SignInAsync(person, request)).Code, request.Verifier);
        var (_, claims) = await full.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(citizen.Phone, claims.GetProperty("phone_number").GetString());
        Assert.False(claims.TryGetProperty("name", out _));
        Assert.False(claims.TryGetProperty("id_number", out _));
        Assert.False(tokens.Json.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Someone_without_an_account_registers_on_the_way_and_comes_back_to_the_client_system()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var newcomer = Citizen.New();
        await factory.AddResidentAsync(newcomer);
        var visitor = factory.NewSession();
        var request = sso.AuthorizeRequest("openid profile");

        using var challenge = await visitor.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        var login = await visitor.GetPageAsync(challenge.Headers.Location!.PathAndQuery);
        var registerUrl = login.QuerySelectorAll("a").Select(a => a.GetAttribute("href")!).Single(h => h.StartsWith("/account/register?", StringComparison.Ordinal));
        var register = await visitor.GetPageAsync(registerUrl);
        var code = await factory.RequestRegistrationCodeAsync(visitor, register, newcomer.Phone);
        var registered = await visitor.SubmitAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(newcomer, code));

        Assert.Equal(request.Url, registered.Location);
        Assert.True((await sso.SignInAsync(visitor, request)).ConsentShown);

        // The 法人登录 tab keeps the way back too.
        Assert.Contains(login.QuerySelectorAll("a").Select(a => a.GetAttribute("href")), h => h!.StartsWith("/account/login?kind=legal&returnUrl=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_organisation_s_account_releases_its_name_credit_code_and_type()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "organization"]);
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var request = sso.AuthorizeRequest("openid profile organization");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(session, request)).Code, request.Verifier);

        var identity = tokens.Payload("id_token");
        Assert.Equal("legal_entity", identity.GetProperty("account_kind").GetString());
        Assert.Equal(organisation.CreditCode, identity.GetProperty("credit_code").GetString());
        Assert.Equal("企业法人", identity.GetProperty("organization_type").GetString());
        Assert.Equal(organisation.Name, identity.GetProperty("organization_name").GetString());
    }

    [Fact]
    public async Task Requests_from_unknown_clients_or_to_unregistered_addresses_stop_at_the_portal()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var unknown = new SsoClient(factory, "no-such-system", null, "https://evil.example.com/cb");
        var wrongRedirect = sso.AuthorizeRequest("openid", redirect: "https://evil.example.com/cb");

        foreach (var url in new[] { unknown.AuthorizeRequest("openid").Url, wrongRedirect.Url })
        {
            using var response = await person.Client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            var page = await Html.ParseAsync(response);
            Assert.Equal("业务系统登录请求无效", page.QuerySelector("h1")!.TextContent);
            Assert.NotNull(page.QuerySelector("[data-sso-error]"));
        }
    }

    [Fact]
    public async Task Requests_without_PKCE_with_plain_PKCE_or_for_a_scope_not_allowed_are_refused()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();

        // OpenIddict refuses a request without PKCE at the portal, before trusting its redirect address.
        Assert.Equal("refused:invalid_request: The mandatory 'code_challenge' parameter is missing.", (await sso.SignInAsync(person, sso.AuthorizeRequest("openid", pkce: false))).Code);
        Assert.StartsWith("refused:invalid_request: The specified 'code_challenge_method'", (await sso.SignInAsync(person, sso.AuthorizeRequest("openid", method: "plain"))).Code, StringComparison.Ordinal);
        Assert.StartsWith("refused:invalid_request: This client application is not allowed to use the specified scope", (await sso.SignInAsync(person, sso.AuthorizeRequest("openid id_number"))).Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_consent_goes_back_to_the_client_as_access_denied()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        Assert.Equal("error:access_denied", (await sso.SignInAsync(person, sso.AuthorizeRequest("openid profile"), agree: false)).Code);
    }

    [Fact]
    public async Task A_code_is_single_use_and_its_reuse_revokes_what_it_gave()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var code = (await sso.SignInAsync(person, request)).Code;

        var first = await sso.RedeemAsync(code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        // Only what must be single-use or revocable is written down; access and identity tokens are self-contained.
        var stored = await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Application!.ClientId == sso.ClientId).Select(t => t.Type).Distinct().ToListAsync());
        Assert.Equal(["urn:ietf:params:oauth:token-type:refresh_token", "urn:openiddict:params:oauth:token-type:authorization_code"], stored.Order());
        var reused = await sso.RedeemAsync(code, request.Verifier);
        Assert.Equal("invalid_grant", reused.Error);
        Assert.Equal("invalid_grant", (await sso.RefreshAsync(first.Get("refresh_token"))).Error);

        // A wrong verifier (a stolen code without the client's secret half) is refused too.
        var other = sso.AuthorizeRequest("openid profile");
        Assert.Equal("invalid_grant", (await sso.RedeemAsync((await sso.SignInAsync(person, other)).Code, request.Verifier)).Error);
    }

    [Fact]
    public async Task A_refresh_token_rolls_to_new_tokens_with_the_current_name()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var tokens = await FreshTokensAsync(sso, person);

        var refreshed = await sso.RefreshAsync(tokens.Get("refresh_token"));

        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        Assert.Equal(citizen.Name, refreshed.Payload("id_token").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_refresh_token_revoked_at_the_revocation_endpoint_stops_working()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var refreshed = await sso.RefreshAsync((await FreshTokensAsync(sso, person)).Get("refresh_token"));

        Assert.Equal(HttpStatusCode.OK, await sso.RevokeAsync(refreshed.Get("refresh_token")));
        Assert.Equal("invalid_grant", (await sso.RefreshAsync(refreshed.Get("refresh_token"))).Error);
    }

    [Fact]
    public async Task A_refresh_token_expires_after_eight_hours()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var expiring = await FreshTokensAsync(sso, person);

        factory.Clock.Advance(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        try
        {
            Assert.Equal("invalid_grant", (await sso.RefreshAsync(expiring.Get("refresh_token"))).Error);
        }
        finally
        {
            factory.Clock.Advance(-(TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task A_refresh_token_stops_when_the_password_is_reset()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var beforeReset = await FreshTokensAsync(sso, person);

        // A password reset changes the security stamp: the client's grant ends with the portal's sessions.
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            var account = await users.FindByIdAsync((await AccountIdAsync(citizen.IdNumber)).ToString());
            await users.UpdateSecurityStampAsync(account!);
        }

        var afterReset = await sso.RefreshAsync(beforeReset.Get("refresh_token"));
        Assert.Equal("invalid_grant", afterReset.Error);
        Assert.Equal(ClientMessages.GrantNoLongerValid, afterReset.Json.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Withdrawing_consent_on_my_account_revokes_the_client_s_tokens_and_asks_again()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile offline_access");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);

        var my = await person.GetPageAsync("/my");
        var consent = my.QuerySelector("[data-consents] li")!;
        Assert.StartsWith("测试业务系统", consent.GetAttribute("data-consent"), StringComparison.Ordinal);
        var action = consent.QuerySelector("form")!.GetAttribute("action")!;
        var withdrawn = await person.SubmitAsync(my, action, new Dictionary<string, string?>());
        Assert.Equal("/my", withdrawn.Location);
        Assert.Contains(ClientMessages.ConsentWithdrawn, (await person.GetPageAsync("/my")).Body!.TextContent, StringComparison.Ordinal);

        Assert.Equal("invalid_grant", (await sso.RefreshAsync(tokens.Get("refresh_token"))).Error);
        Assert.True((await sso.SignInAsync(person, sso.AuthorizeRequest("openid profile"))).ConsentShown);

        // Someone else's consent cannot be withdrawn through one's own page.
        var (_, stranger) = await factory.RegisteredCitizenAsync();
        var strangerPage = await stranger.GetPageAsync("/my");
        var accountId = await AccountIdAsync(citizen.IdNumber);
        var consentId = await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Subject == accountId.ToString() && a.Status == "valid").Select(a => a.Id).FirstAsync());
        await stranger.SubmitAsync(strangerPage, "/my/password", new Dictionary<string, string?>(), postTo: $"/my/consents/{consentId}/withdraw");
        Assert.Equal("valid", await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Id == consentId).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task Client_credentials_give_a_system_token_to_confidential_clients_only()
    {
        var confidential = await SsoClient.RegisterAsync(factory, ["profile"]);
        var granted = await confidential.ClientCredentialsAsync();
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal(confidential.ClientId, granted.Payload("access_token").GetProperty("sub").GetString());

        // A system token stands for no person: userinfo refuses it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await confidential.UserInfoAsync(granted.Get("access_token"))).Status);
        Assert.Equal("invalid_client", (await confidential.ClientCredentialsAsync(secretOverride: "wrong-secret")).Error);

        var publicClient = await SsoClient.RegisterAsync(factory, ["profile"], confidential: false);
        Assert.NotNull((await publicClient.ClientCredentialsAsync()).Error);
    }

    [Fact]
    public async Task Staff_accounts_cannot_sign_in_to_client_systems()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, staff) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Clerk);
        Assert.Equal("error:access_denied", (await sso.SignInAsync(staff, sso.AuthorizeRequest("openid profile"))).Code);
    }

    [Fact]
    public async Task Logout_from_a_client_signs_the_person_out_of_the_portal_and_returns_to_the_client()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);

        // Without the identity token the person is asked first (a link alone must not sign anyone out).
        using (var asked = await person.Client.GetAsync(new Uri($"/connect/logout?post_logout_redirect_uri={Uri.EscapeDataString(SsoClient.PostLogoutUri)}", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await person.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);

        var url = $"/connect/logout?id_token_hint={tokens.Get("id_token")}&post_logout_redirect_uri={Uri.EscapeDataString(SsoClient.PostLogoutUri)}&state=s1";
        using var loggedOut = await person.Client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, loggedOut.StatusCode);
        Assert.StartsWith(SsoClient.PostLogoutUri + "?state=s1", loggedOut.Headers.Location!.ToString(), StringComparison.Ordinal);
        using var my = await person.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, my.StatusCode);
    }

    [Fact]
    public async Task The_provider_keys_are_kept_sealed_in_the_database()
    {
        var rows = await factory.QueryAsync(db => db.ProviderKeys.AsNoTracking().ToListAsync());
        Assert.Equal(["encryption-a256kw", "pairwise-hs256", "signing-es256"], rows.Select(r => r.Purpose).Order());
        Assert.All(rows, row => Assert.True(row.SealedPrivateKey.AsSpan().IndexOf(ShanxiIdentity.Data.Protection.PersonalData.Cipher.Open(row.SealedPrivateKey)) < 0, "a key is stored in clear"));
    }

    [Fact]
    public async Task A_second_instance_on_the_same_database_shares_the_provider_keys()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);

        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        using var client = second.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await sso.UserInfoAsync(tokens.Get("access_token"), client)).Status);
    }

    [Fact]
    public async Task An_administrator_registers_a_client_and_sees_its_secret_once()
    {
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var form = await admin.GetPageAsync("/counter/clients/new");
        var clientId = "bj-" + Guid.NewGuid().ToString("N")[..10];
        var fields = ClientFields(clientId);
        fields["RedirectUris"] = "http://budongchan.example.gov.cn/signin-oidc";

        // Refusals, in Chinese, with what was typed kept.
        var refused = await admin.SubmitAsync(form, "/counter/clients/new", fields);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(ClientMessages.RedirectUriRule + "http://budongchan.example.gov.cn/signin-oidc", refused.Body, StringComparison.Ordinal);
        Assert.Equal("不动产登记系统", ((AngleSharp.Html.Dom.IHtmlInputElement)refused.Page.QuerySelector("#Name")!).Value);
        var badId = await admin.SubmitAsync(form, "/counter/clients/new", new Dictionary<string, string?>(fields) { ["ClientId"] = "X!", ["RedirectUris"] = "https://budongchan.example.gov.cn/signin-oidc" });
        Assert.Contains(ClientMessages.ClientIdRule, badId.Body, StringComparison.Ordinal);

        fields["RedirectUris"] = "https://budongchan.example.gov.cn/signin-oidc";
        var issued = await admin.SubmitAsync(form, "/counter/clients/new", fields);
        Assert.Equal(HttpStatusCode.OK, issued.Status);
        var secret = issued.Page.QuerySelector("[data-client-secret]")!.TextContent;
        Assert.True(secret.Length >= 40);
        Assert.Contains(ClientMessages.CopySecretNow, issued.Body, StringComparison.Ordinal);

        // Stored as a hash; listed without it; the same identifier cannot be taken twice.
        var stored = await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().Where(a => a.ClientId == clientId).Select(a => a.ClientSecret).SingleAsync());
        Assert.DoesNotContain(secret, stored!, StringComparison.Ordinal);
        var list = await admin.GetPageAsync("/counter/clients");
        Assert.NotNull(list.QuerySelector($"[data-client='{clientId}']"));
        Assert.DoesNotContain(secret, list.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains(ClientMessages.ClientIdTaken, (await admin.SubmitAsync(form, "/counter/clients/new", fields)).Body, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await new SsoClient(factory, clientId, secret, fields["RedirectUris"]!).ClientCredentialsAsync()).Status);
    }

    [Fact]
    public async Task A_client_s_secret_works_until_renewed_or_the_client_removed_and_each_step_is_audited()
    {
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var clientId = "bj-" + Guid.NewGuid().ToString("N")[..10];
        var fields = ClientFields(clientId);
        var issued = await admin.SubmitAsync(await admin.GetPageAsync("/counter/clients/new"), "/counter/clients/new", fields);
        var system = new SsoClient(factory, clientId, issued.Page.QuerySelector("[data-client-secret]")!.TextContent, fields["RedirectUris"]!);
        Assert.Equal(HttpStatusCode.OK, (await system.ClientCredentialsAsync()).Status);

        var renewed = await admin.SubmitAsync(await admin.GetPageAsync("/counter/clients"), $"/counter/clients/{clientId}/secret", new Dictionary<string, string?>());
        var newSecret = renewed.Page.QuerySelector("[data-client-secret]")!.TextContent;
        Assert.Equal("invalid_client", (await system.ClientCredentialsAsync()).Error);
        Assert.Equal(HttpStatusCode.OK, (await system.ClientCredentialsAsync(secretOverride: newSecret)).Status);

        var edit = await admin.GetPageAsync($"/counter/clients/{clientId}");
        var saved = await admin.SubmitAsync(edit, $"/counter/clients/{clientId}", new Dictionary<string, string?> { ["Name"] = "不动产登记系统（新）", ["RedirectUris"] = fields["RedirectUris"], ["Scopes"] = "openid" });
        Assert.Equal("/counter/clients", saved.Location);
        Assert.Equal(HttpStatusCode.OK, (await system.ClientCredentialsAsync(secretOverride: newSecret)).Status); // a change keeps the secret
        var removed = await admin.SubmitAsync(await admin.GetPageAsync("/counter/clients"), $"/counter/clients/{clientId}/remove", new Dictionary<string, string?>());
        Assert.Equal("/counter/clients", removed.Location);
        Assert.Equal("invalid_client", (await system.ClientCredentialsAsync(secretOverride: newSecret)).Error);

        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Detail!.StartsWith(clientId)).OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditAction.ClientRegistered, AuditAction.ClientSecretRenewed, AuditAction.ClientChanged, AuditAction.ClientRemoved], audited);
    }

    [Fact]
    public async Task A_system_token_never_stands_for_a_person_even_when_its_client_id_is_an_account_id()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var accountId = (await AccountIdAsync(citizen.IdNumber)).ToString();

        // A client stored under that id (as one registered before client ids were checked).
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await using (var scope = factory.CreateScope())
        {
            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = accountId,
                ClientSecret = secret,
                ClientType = OpenIddictConstants.ClientTypes.Confidential,
                DisplayName = "冒名系统",
            };
            descriptor.Permissions.UnionWith([
                OpenIddictConstants.Permissions.Endpoints.Token,
                OpenIddictConstants.Permissions.GrantTypes.ClientCredentials,
                OpenIddictConstants.Permissions.Prefixes.Scope + "phone",
                OpenIddictConstants.Permissions.Prefixes.Scope + "id_number",
            ]);
            await scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>().CreateAsync(descriptor);
        }

        var impostor = new SsoClient(factory, accountId, secret, "https://impostor.example.gov.cn/cb");
        var granted = await impostor.ClientCredentialsAsync("phone id_number");
        Assert.Equal(HttpStatusCode.OK, granted.Status);
        Assert.Equal(accountId, granted.Payload("access_token").GetProperty("sub").GetString());

        var (status, claims) = await impostor.UserInfoAsync(granted.Get("access_token"));
        Assert.False(claims.ValueKind == System.Text.Json.JsonValueKind.Object && claims.TryGetProperty("id_number", out _));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("system", granted.Payload("access_token").GetProperty("token_kind").GetString());

        // And such an identifier can no longer be registered in 接入系统.
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var form = await admin.GetPageAsync("/counter/clients/new");
        var guidShaped = "a" + Guid.NewGuid().ToString()[1..];
        var refused = await admin.SubmitAsync(form, "/counter/clients/new", new Dictionary<string, string?>
        {
            ["ClientId"] = guidShaped,
            ["Name"] = "冒名系统",
            ["RedirectUris"] = "https://impostor.example.gov.cn/cb",
            ["Confidential"] = "true",
        });
        Assert.Contains(ClientMessages.ClientIdRule, refused.Body, StringComparison.Ordinal);
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<OpenIddictEntityFrameworkCoreApplication>().CountAsync(a => a.ClientId == guidShaped)));
    }

    [Fact]
    public async Task Only_clients_given_offline_access_get_refresh_tokens()
    {
        var (_, person) = await factory.RegisteredCitizenAsync();
        var without = await SsoClient.RegisterAsync(factory, ["profile"]);
        var request = without.AuthorizeRequest("openid profile offline_access");
        Assert.StartsWith("refused:invalid_request: The client application is not allowed", (await without.SignInAsync(person, request)).Code, StringComparison.Ordinal);

        // A client registered before the choice existed holds the refresh grant but was never given offline_access.
        var legacy = await SsoClient.RegisterAsync(factory, ["profile"]);
        await using (var scope = factory.CreateScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            var application = (await applications.FindByClientIdAsync(legacy.ClientId))!;
            var descriptor = new OpenIddictApplicationDescriptor();
            await applications.PopulateAsync(descriptor, application);
            descriptor.Permissions.Add(OpenIddictConstants.Permissions.GrantTypes.RefreshToken);
            await applications.UpdateAsync(application, descriptor);
        }

        var old = legacy.AuthorizeRequest("openid profile offline_access");
        var legacyTokens = await legacy.RedeemAsync((await legacy.SignInAsync(person, old)).Code, old.Verifier);
        Assert.Equal(HttpStatusCode.OK, legacyTokens.Status);
        Assert.False(legacyTokens.Json.TryGetProperty("refresh_token", out _));

        var with = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var granted = with.AuthorizeRequest("openid profile offline_access");
        var tokens = await with.RedeemAsync((await with.SignInAsync(person, granted)).Code, granted.Verifier);
        Assert.True(tokens.Json.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Access_tokens_are_addressed_to_the_client_they_were_issued_to()
    {
        var (_, person) = await factory.RegisteredCitizenAsync();
        var first = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var second = await SsoClient.RegisterAsync(factory, ["profile"]);

        var request = first.AuthorizeRequest("openid profile offline_access");
        var tokens = await first.RedeemAsync((await first.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal([first.ClientId], Audiences(tokens.Payload("access_token")));
        Assert.Equal([first.ClientId], Audiences((await first.RefreshAsync(tokens.Get("refresh_token"))).Payload("access_token")));
        Assert.Equal([second.ClientId], Audiences((await second.ClientCredentialsAsync()).Payload("access_token")));

        static string[] Audiences(System.Text.Json.JsonElement payload) =>
            payload.TryGetProperty("aud", out var aud)
                ? aud.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. aud.EnumerateArray().Select(a => a.GetString() ?? string.Empty)] : [aud.GetString() ?? string.Empty]
                : [];
    }

    [Fact]
    public async Task Taking_scopes_or_the_full_phone_from_a_client_takes_effect_at_the_next_refresh_and_userinfo()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "phone", "id_number", "offline_access"], fullPhone: true);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest(AllScopes);
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        var (_, before) = await sso.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(citizen.IdNumber, before.GetProperty("id_number").GetString());
        Assert.Equal(citizen.Phone, before.GetProperty("phone_number").GetString());

        var (admin, _) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var adminId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == admin.LoginName).Select(u => u.Id).SingleAsync());
        async Task EditAsync(string[] scopes, bool fullPhone)
        {
            await using var scope = factory.CreateScope();
            var settings = new ClientSettings("测试业务系统（改）", [sso.RedirectUri], [SsoClient.PostLogoutUri], scopes, fullPhone);
            Assert.True(await scope.ServiceProvider.GetRequiredService<ClientRegistry>().UpdateAsync(sso.ClientId, settings, adminId, CancellationToken.None));
        }

        // A change that takes nothing away (a new name) leaves the grants alone.
        await EditAsync(["profile", "phone", "id_number", "offline_access"], fullPhone: true);
        var kept = await sso.RefreshAsync(tokens.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, kept.Status);

        // The administrator takes the ID number and the full phone away (接入系统, edit).
        await EditAsync(["openid", "profile", "phone", "offline_access"], fullPhone: false);

        // The access token already out no longer opens them; the refresh token and the consent are gone.
        var (status, after) = await sso.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(after.TryGetProperty("id_number", out _));
        Assert.Equal(citizen.MaskedPhone, after.GetProperty("phone_number").GetString());
        Assert.Equal("invalid_grant", (await sso.RefreshAsync(kept.Get("refresh_token"))).Error);
        Assert.True((await sso.SignInAsync(person, sso.AuthorizeRequest("openid profile phone"))).ConsentShown);

        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.ClientChanged && e.Detail!.StartsWith(sso.ClientId)).OrderBy(e => e.Id).Select(e => e.Detail!).ToListAsync());
        Assert.Equal(2, audited.Count);
        Assert.DoesNotContain(ClientMessages.GrantsRevoked, audited[0], StringComparison.Ordinal);
        Assert.Contains(ClientMessages.GrantsRevoked, audited[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_presented_with_a_wrong_verifier_is_burnt()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile");
        var code = (await sso.SignInAsync(person, request)).Code;

        var guessed = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        Assert.Equal("invalid_grant", (await sso.RedeemAsync(code, guessed)).Error);
        Assert.Equal("invalid_grant", (await sso.RedeemAsync(code, request.Verifier)).Error);
    }

    /// <summary>The person signs in to the client, which redeems the code for tokens with a refresh token.</summary>
    private static async Task<TokenAnswer> FreshTokensAsync(SsoClient sso, PortalSession person)
    {
        var request = sso.AuthorizeRequest("openid profile offline_access");
        return await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
    }

    /// <summary>The new-client form for a confidential system with a valid https address.</summary>
    private static Dictionary<string, string?> ClientFields(string clientId) => new()
    {
        ["ClientId"] = clientId,
        ["Name"] = "不动产登记系统",
        ["RedirectUris"] = "https://budongchan.example.gov.cn/signin-oidc",
        ["Confidential"] = "true",
    };

    private Task<Guid> AccountIdAsync(string idNumber) =>
        factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == idNumber).Select(p => p.AccountId).SingleAsync());
}

public sealed class SqliteSingleSignOnTests(SqlitePortalFactory factory) : SingleSignOnTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlSingleSignOnTests(PostgreSqlPortalFactory factory) : SingleSignOnTests<PostgreSqlPortalFactory>(factory);
