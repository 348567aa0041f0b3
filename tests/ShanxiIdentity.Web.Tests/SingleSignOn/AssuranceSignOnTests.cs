using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// 实名等级 and how the person signed in, as client systems see them (docs/decisions/0013-real-name-levels.md):
/// acr, amr and auth_time in the identity token, acr_values, max_age, prompt=login, a client's minimum
/// level and a request for a second factor.
/// </summary>
public abstract class AssuranceSignOnTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static string Acr(int level) => RealNameLevels.AcrPrefix + level;

    [Fact]
    public async Task Discovery_lists_the_acr_values_and_the_claims_acr_amr_auth_time()
    {
        using var client = factory.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        Assert.Equal([Acr(1), Acr(2), Acr(3), Acr(4), RealNameLevels.MultiFactorAcr], discovery.RootElement.GetProperty("acr_values_supported").EnumerateArray().Select(e => e.GetString()));
        var claims = discovery.RootElement.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("acr", claims);
        Assert.Contains("amr", claims);
        Assert.Contains("auth_time", claims);
    }

    [Fact]
    public async Task A_standard_relying_party_library_validates_the_identity_token_and_reads_acr_amr_and_auth_time()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var signedInAt = factory.Clock.GetUtcNow();
        var (_, person) = await factory.RegisteredCitizenAsync();
        var request = sso.AuthorizeRequest("openid profile");
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.Status);

        // Microsoft.IdentityModel, as ASP.NET Core's OpenID Connect handler (and 我的办件) uses it: discovery, keys, signature, issuer, audience.
        using var http = factory.CreateClient();
        var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(
            "https://localhost/.well-known/openid-configuration", new HttpDocumentRetriever(http), CancellationToken.None);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(tokens.Get("id_token"), new TokenValidationParameters
        {
            ValidIssuer = configuration.Issuer,
            ValidAudience = sso.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            LifetimeValidator = (_, _, _, _) => true,
        });
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(Acr(3), validated.Claims["acr"]);
        Assert.Equal(["pwd"], validated.ClaimsIdentity.FindAll("amr").Select(c => c.Value));
        var authTime = DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(validated.Claims["auth_time"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.InRange(authTime, signedInAt.AddSeconds(-5), factory.Clock.GetUtcNow().AddSeconds(5));

        // The raw token: amr is a JSON array, auth_time a number (OIDC Core 2).
        var payload = tokens.Payload("id_token");
        Assert.Equal(JsonValueKind.Array, payload.GetProperty("amr").ValueKind);
        Assert.Equal(JsonValueKind.Number, payload.GetProperty("auth_time").ValueKind);

        // A refresh is no new sign-in: the same acr, amr and auth_time.
        Assert.Equal(Acr(3), tokens.Payload("access_token").GetProperty("acr").GetString());
    }

    [Fact]
    public async Task A_password_change_keeps_how_and_when_the_session_was_signed_in()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var signedIn = factory.Clock.GetUtcNow().ToUnixTimeSeconds();
        factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var changed = await person.SubmitAsync(await person.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = citizen.Password,
            ["ChangePassword.Password"] = "New#Pingyao7q",
            ["ChangePassword.ConfirmPassword"] = "New#Pingyao7q",
        });
        Assert.Equal("/my", changed.Location);

        var request = sso.AuthorizeRequest("openid profile");
        var identity = (await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier)).Payload("id_token");
        Assert.InRange(identity.GetProperty("auth_time").GetInt64(), signedIn - 5, signedIn + 1);
        Assert.Equal(["pwd"], identity.GetProperty("amr").EnumerateArray().Select(e => e.GetString()));
        factory.Clock.Advance(TimeSpan.FromMinutes(-2));
    }

    [Fact]
    public async Task Acr_values_above_the_account_s_level_are_unmet_and_a_lower_one_is_the_acr_returned()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();

        var (error, description) = await RefusalAsync(sso, person, new() { ["acr_values"] = Acr(4) });
        Assert.Equal("unmet_authentication_requirements", error);
        Assert.Equal(RealNameMessages.LevelTooLow(RealNameLevel.InPerson, RealNameLevel.PhoneProved), description);

        var request = sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["acr_values"] = Acr(2) + " " + Acr(3) });
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        Assert.Equal(Acr(2), tokens.Payload("id_token").GetProperty("acr").GetString());
    }

    [Fact]
    public async Task A_client_s_minimum_level_refuses_an_account_below_it()
    {
        var strict = await SsoClient.RegisterAsync(factory, ["profile"], minimumLevel: RealNameLevel.InPerson);
        var (_, person) = await factory.RegisteredCitizenAsync();
        var (error, description) = await RefusalAsync(strict, person, []);
        Assert.Equal("unmet_authentication_requirements", error);
        Assert.Contains("四级", description, StringComparison.Ordinal);

        var fair = await SsoClient.RegisterAsync(factory, ["profile"], minimumLevel: RealNameLevel.PhoneProved);
        var request = fair.AuthorizeRequest("openid profile");
        Assert.DoesNotContain("error", (await fair.SignInAsync(person, request)).Code, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sets_a_client_s_minimum_level_in_the_staff_area()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, admin) = await factory.SignedInStaffAsync(Domain.Counter.StaffRole.Administrator);
        var edit = await admin.GetPageAsync($"/counter/clients/{sso.ClientId}");
        Assert.Equal(5, edit.QuerySelectorAll("select#MinimumLevel option").Length);

        var fields = new Dictionary<string, string?> { ["Name"] = "测试业务系统", ["RedirectUris"] = sso.RedirectUri, ["MinimumLevel"] = "9" };
        Assert.Contains(RealNameMessages.MinimumRule, (await admin.SubmitAsync(edit, $"/counter/clients/{sso.ClientId}", fields)).Body, StringComparison.Ordinal);
        fields["MinimumLevel"] = "4";
        Assert.Equal("/counter/clients", (await admin.SubmitAsync(edit, $"/counter/clients/{sso.ClientId}", fields)).Location);
        Assert.Equal("selected", (await admin.GetPageAsync($"/counter/clients/{sso.ClientId}")).QuerySelector("select#MinimumLevel option[value='4']")!.GetAttribute("selected"));

        var (_, person) = await factory.RegisteredCitizenAsync();
        Assert.Equal("unmet_authentication_requirements", (await RefusalAsync(sso, person, [], scope: "openid")).Error);
    }

    [Fact]
    public async Task Max_age_passed_and_prompt_login_send_the_person_to_the_login_page_again()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        Assert.DoesNotContain("error", (await sso.SignInAsync(person, sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["max_age"] = "60" }))).Code, StringComparison.Ordinal);

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var stale = sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["max_age"] = "60" });
        using (var again = await person.Client.GetAsync(new Uri(stale.Url, UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
            Assert.StartsWith("/account/login", again.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }

        // Signed in afresh: auth_time is now, and max_age is met.
        Assert.Equal("/my", (await person.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, stale)).Code, stale.Verifier);
        Assert.InRange(tokens.Payload("id_token").GetProperty("auth_time").GetInt64(), factory.Clock.GetUtcNow().ToUnixTimeSeconds() - 5, factory.Clock.GetUtcNow().ToUnixTimeSeconds());

        using var forced = await person.Client.GetAsync(new Uri(sso.AuthorizeRequest("openid profile", prompt: "login").Url, UriKind.Relative));
        Assert.StartsWith("/account/login", forced.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The class's other tests (a staff member's authenticator code) expect the clock near real time.
        factory.Clock.Advance(TimeSpan.FromSeconds(-61));
    }

    [Fact]
    public async Task Asking_for_mfa_makes_a_password_only_person_set_up_a_second_factor_and_come_back_with_mfa()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var mfa = new Dictionary<string, string?> { ["acr_values"] = RealNameLevels.MultiFactorAcr };

        // Without prompting allowed, the client learns it at once.
        var (error, description) = await RefusalAsync(sso, person, new(mfa) { ["prompt"] = "none" });
        Assert.Equal("unmet_authentication_requirements", error);
        Assert.Equal(RealNameMessages.SecondFactorRequired, description);

        // Otherwise: the second factor step, which for an account with none opens 两步验证's set-up, keeping the way back.
        var request = sso.AuthorizeRequest("openid profile", extra: mfa);
        using var response = await person.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/second-factor?returnUrl=", location, StringComparison.Ordinal);
        var back = QueryHelpers.ParseQuery(location[location.IndexOf('?', StringComparison.Ordinal)..])["returnUrl"].ToString();
        Assert.StartsWith("/connect/authorize?", back, StringComparison.Ordinal);
        Assert.Equal(RealNameLevels.MultiFactorAcr, QueryHelpers.ParseQuery(back[back.IndexOf('?', StringComparison.Ordinal)..])["acr_values"].ToString());
        using var setUp = await person.Client.GetAsync(new Uri(location, UriKind.Relative));
        Assert.StartsWith(SecondFactorSteps.SetupUrl + "?returnUrl=", setUp.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var page = await person.GetPageAsync(setUp.Headers.Location!.OriginalString);
        Assert.Equal(back, page.QuerySelector("input[name='Form.ReturnUrl']")?.GetAttribute("value"));

        // Set up there, the same request now gives a code whose identity token says mfa.
        await factory.EnableAuthenticatorAsync(citizen, person);
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(person, request)).Code, request.Verifier);
        var amr = tokens.Payload("id_token").GetProperty("amr").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(AuthenticationMethods.MultiFactor, amr);
        Assert.Contains(AuthenticationMethods.OneTimePassword, amr);
    }

    [Fact]
    public async Task An_organisation_the_registry_no_longer_holds_falls_below_level_2()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var request = sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["acr_values"] = Acr(2) });
        Assert.DoesNotContain("error", (await sso.SignInAsync(session, request)).Code, StringComparison.Ordinal);

        await factory.QueryAsync(db => db.Organisations.Where(o => o.CreditCode == organisation.CreditCode).ExecuteDeleteAsync());
        var (error, description) = await RefusalAsync(sso, session, new() { ["acr_values"] = Acr(2) });
        Assert.Equal("unmet_authentication_requirements", error);
        Assert.Contains("一级", description, StringComparison.Ordinal);
    }

    /// <summary>The error the client receives at its redirect address (consent already given or not needed for the refusal).</summary>
    private static async Task<(string? Error, string? Description)> RefusalAsync(SsoClient sso, PortalSession person, Dictionary<string, string?> extra, string scope = "openid profile")
    {
        var request = sso.AuthorizeRequest(scope, extra: extra);
        using var response = await person.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.True(location.StartsWith(sso.RedirectUri, StringComparison.Ordinal), $"Expected a redirect to the client, got {(int)response.StatusCode} {location}");
        var answer = QueryHelpers.ParseQuery(new Uri(location).Query);
        return (answer["error"].ToString(), answer["error_description"].ToString());
    }
}

public sealed class SqliteAssuranceSignOnTests(SqlitePortalFactory factory) : AssuranceSignOnTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlAssuranceSignOnTests(PostgreSqlPortalFactory factory) : AssuranceSignOnTests<PostgreSqlPortalFactory>(factory);
