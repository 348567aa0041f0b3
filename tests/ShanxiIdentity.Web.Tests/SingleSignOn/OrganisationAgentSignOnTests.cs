using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// What client systems get under <c>organization_agent</c>: the person chooses on the consent page
/// one of the organisations whose 经办人 authorisation covers the system; the tokens and userinfo
/// name the organisation and who acts for it; every refresh and userinfo call re-checks the
/// authorisation, so a withdrawal, an expiry or a change leaving the system out ends it.
/// </summary>
public abstract class OrganisationAgentSignOnTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string Scope = "openid profile organization_agent offline_access";

    [Fact]
    public async Task A_person_signs_in_as_the_organisation_chosen_on_the_consent_page()
    {
        var (sso, organisation, citizen, person, authorization) = await AgentAsync();
        var request = sso.AuthorizeRequest(Scope);
        var page = await ConsentPageAsync(person, request);
        Assert.Equal([organisation.Name], page.QuerySelectorAll("[data-acting-option]").Select(o => o.GetAttribute("data-acting-option")));
        Assert.True(page.QuerySelector("#acting-personal")!.HasAttribute("checked"));
        Assert.Contains(SingleSignOnMessages.ScopeOrganizationAgent, page.QuerySelector("[data-requested-scopes]")!.TextContent, StringComparison.Ordinal);

        var tokens = await RedeemAsync(sso, person, request, authorization.ToString("N"));
        Assert.Equal(HttpStatusCode.OK, tokens.Status);
        var identity = tokens.Payload("id_token");
        Assert.Equal(await sso.SubjectOfAsync(await factory.PersonIdAsync(citizen)), identity.GetProperty("sub").GetString());
        Assert.Equal(citizen.Name, identity.GetProperty("name").GetString());
        Assert.Equal("person", identity.GetProperty("account_kind").GetString());
        AssertActingClaims(identity, organisation, citizen, authorization, "agent");
        Assert.DoesNotContain(citizen.IdNumber, tokens.Json.GetRawText(), StringComparison.Ordinal);

        // The access token says which authorisation, nothing personal.
        var access = tokens.Payload("access_token");
        Assert.Equal(authorization.ToString("N"), access.GetProperty("agent_authorization").GetString());
        Assert.False(access.TryGetProperty("organization_name", out _));
        Assert.False(access.TryGetProperty("agent_name", out _));

        var (status, claims) = await sso.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(HttpStatusCode.OK, status);
        AssertActingClaims(claims, organisation, citizen, authorization, "agent");
        Assert.False(claims.TryGetProperty("id_number", out _));

        // One audit row of the organisation: who signed in to which system under which authorisation.
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.ClientSignInAsOrganisation && e.SubjectAccountId == organisationId).ToListAsync());
        var entry = Assert.Single(audited);
        Assert.Equal(await factory.PersonIdAsync(citizen), entry.ActorAccountId);
        Assert.Equal($"{sso.ClientId} #{authorization:N}", entry.Detail);
    }

    [Fact]
    public async Task With_id_number_granted_too_userinfo_gives_the_person_s_own_id_number()
    {
        var (sso, organisation, citizen, person, authorization) = await AgentAsync(AgentRole.Administrator);
        var request = sso.AuthorizeRequest(Scope + " id_number");
        var tokens = await RedeemAsync(sso, person, request, authorization.ToString("N"));
        Assert.DoesNotContain(citizen.IdNumber, tokens.Json.GetRawText(), StringComparison.Ordinal);

        var (_, claims) = await sso.UserInfoAsync(tokens.Get("access_token"));
        Assert.Equal(citizen.IdNumber, claims.GetProperty("id_number").GetString());
        AssertActingClaims(claims, organisation, citizen, authorization, "administrator");
    }

    [Fact]
    public async Task Choosing_to_sign_in_personally_gives_no_organisation()
    {
        var (sso, _, citizen, person, _) = await AgentAsync();
        var request = sso.AuthorizeRequest(Scope);
        var tokens = await RedeemAsync(sso, person, request, choice: string.Empty);
        var identity = tokens.Payload("id_token");
        Assert.Equal(citizen.Name, identity.GetProperty("name").GetString());
        Assert.False(identity.TryGetProperty("organization_name", out _));
        Assert.False(identity.TryGetProperty("agent_authorization", out _));
        Assert.False((await sso.UserInfoAsync(tokens.Get("access_token"))).Claims.TryGetProperty("agent_role", out _));
        Assert.Equal(HttpStatusCode.OK, (await sso.RefreshAsync(tokens.Get("refresh_token"))).Status);
    }

    [Fact]
    public async Task Only_covering_organisations_are_offered_and_a_forged_choice_is_refused()
    {
        var (sso, organisation, citizen, person, _) = await AgentAsync();
        var other = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (elsewhere, _) = await factory.RegisteredOrganisationAsync();
        var notHere = await factory.AuthorisedAgentAsync(elsewhere, citizen, clientIds: [other.ClientId]);
        var (invitedOnly, _) = await factory.RegisteredOrganisationAsync();
        var notAccepted = await factory.GrantAgentAsync(invitedOnly, citizen);

        var request = sso.AuthorizeRequest(Scope);
        var page = await ConsentPageAsync(person, request);
        Assert.Equal([organisation.Name], page.QuerySelectorAll("[data-acting-option]").Select(o => o.GetAttribute("data-acting-option")));

        foreach (var forged in new[] { notHere.ToString("N"), notAccepted.ToString("N"), Guid.NewGuid().ToString("N"), "not-an-id", new string('9', 5000) })
        {
            Assert.Equal("error:access_denied", (await sso.SignInAsync(person, sso.AuthorizeRequest(Scope), choice: forged)).Code);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.ClientSignInAsOrganisation && e.Detail!.StartsWith(sso.ClientId))));
    }

    [Fact]
    public async Task A_form_with_a_NUL_byte_at_a_protocol_endpoint_is_a_bad_request_not_a_server_error()
    {
        var (sso, _, _, person, _) = await AgentAsync();
        var page = await ConsentPageAsync(person, sso.AuthorizeRequest(Scope));
        var consent = await person.SubmitAsync(page, "/connect/authorize", new Dictionary<string, string?> { ["decision"] = "accept", [AgentSignIn.ChoiceField] = "\0" });
        Assert.Equal(HttpStatusCode.BadRequest, consent.Status);

        using var client = factory.CreateClient();
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("grant_type", "refresh_token"), KeyValuePair.Create("refresh_token", "\0")]);
        using var token = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.BadRequest, token.StatusCode);
        Assert.Equal("invalid_request", JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_client_not_allowed_organization_agent_cannot_ask_for_it()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var (_, person) = await factory.RegisteredCitizenAsync();
        Assert.StartsWith(
            "refused:invalid_request: This client application is not allowed to use the specified scope",
            (await sso.SignInAsync(person, sso.AuthorizeRequest("openid organization_agent"))).Code,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_remembered_consent_signs_in_as_the_organisation_the_browser_acts_for_and_asks_otherwise()
    {
        var (sso, organisation, citizen, person, authorization) = await AgentAsync();
        await RedeemAsync(sso, person, sso.AuthorizeRequest(Scope), choice: string.Empty);

        // Consent remembered, but the person may act for an organisation here and this browser does not: asked again.
        Assert.Equal("error:consent_required", (await sso.SignInAsync(person, sso.AuthorizeRequest(Scope, prompt: "none"))).Code);
        var request = sso.AuthorizeRequest(Scope);
        Assert.Single((await ConsentPageAsync(person, request)).QuerySelectorAll("[data-acting-option]"));

        // Acting for the organisation (身份切换): straight through, as it, audited.
        await factory.ActForAsync(citizen, authorization);
        var again = sso.AuthorizeRequest(Scope);
        var (code, shown) = await sso.SignInAsync(person, again);
        Assert.False(shown);
        var tokens = await sso.RedeemAsync(code, again.Verifier);
        AssertActingClaims(tokens.Payload("id_token"), organisation, citizen, authorization, "agent");
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.ClientSignInAsOrganisation && e.Detail!.StartsWith(sso.ClientId))));

        // The page preselects the organisation the browser acts for.
        var page = await ConsentPageAsync(person, sso.AuthorizeRequest(Scope, prompt: "consent"));
        Assert.True(page.QuerySelector($"#acting-{authorization:N}")!.HasAttribute("checked"));
    }

    [Fact]
    public async Task Refresh_gives_new_tokens_while_the_authorisation_holds_and_invalid_grant_after_withdrawal()
    {
        var (sso, organisation, citizen, person, authorization) = await AgentAsync();
        var tokens = await RedeemAsync(sso, person, sso.AuthorizeRequest(Scope), authorization.ToString("N"));

        var refreshed = await sso.RefreshAsync(tokens.Get("refresh_token"));
        Assert.Equal(HttpStatusCode.OK, refreshed.Status);
        AssertActingClaims(refreshed.Payload("id_token"), organisation, citizen, authorization, "agent");
        Assert.Equal(authorization.ToString("N"), refreshed.Payload("access_token").GetProperty("agent_authorization").GetString());

        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using (var scope = factory.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().WithdrawAsync(
                new OrganisationAdministrator(organisationId, organisationId, null), authorization, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        AssertEnded(await sso.RefreshAsync(refreshed.Get("refresh_token")));

        // The access token already out no longer opens userinfo either.
        var (status, _) = await sso.UserInfoAsync(refreshed.Get("access_token"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
    }

    [Fact]
    public async Task Refresh_is_refused_once_the_authorisation_has_ended()
    {
        // Late evening in China: the authorisation ends today, the refresh comes after midnight.
        var chinaNow = factory.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(8));
        var toEvening = TimeSpan.FromHours(23.5) - chinaNow.TimeOfDay;
        var advanced = toEvening < TimeSpan.Zero ? toEvening + TimeSpan.FromDays(1) : toEvening;
        factory.Clock.Advance(advanced);
        try
        {
            var sso = await SsoClient.RegisterAsync(factory, ["profile", "organization_agent", "offline_access"]);
            var (organisation, _) = await factory.RegisteredOrganisationAsync();
            var (citizen, person) = await factory.RegisteredCitizenAsync();
            var today = ChinaTime.Today(factory.Clock);
            var authorization = await factory.GrantAgentAsync(organisation, citizen, startsOn: today, endsOn: today);
            await factory.AcceptAgentAsync(citizen, authorization);
            var tokens = await RedeemAsync(sso, person, sso.AuthorizeRequest(Scope), authorization.ToString("N"));
            Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), tokens.Payload("id_token").GetProperty("agent_expires").GetString());

            factory.Clock.Advance(TimeSpan.FromHours(1));
            advanced += TimeSpan.FromHours(1);
            AssertEnded(await sso.RefreshAsync(tokens.Get("refresh_token")));
        }
        finally
        {
            factory.Clock.Advance(-advanced);
        }
    }

    [Fact]
    public async Task Refresh_is_refused_after_a_change_that_leaves_this_system_out()
    {
        var (sso, organisation, _, person, authorization) = await AgentAsync();
        var other = await SsoClient.RegisterAsync(factory, ["profile"]);
        var tokens = await RedeemAsync(sso, person, sso.AuthorizeRequest(Scope), authorization.ToString("N"));

        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using (var scope = factory.CreateScope())
        {
            var current = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AgentAuthorizations.AsNoTracking().SingleAsync(a => a.Id == authorization);
            var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().ChangeAsync(
                new OrganisationAdministrator(organisationId, organisationId, null), authorization, current.Version,
                new AgentTerms(current.Role, [other.ClientId], current.StartsOn, current.EndsOn), CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        AssertEnded(await sso.RefreshAsync(tokens.Get("refresh_token")));
    }

    [Fact]
    public async Task Discovery_lists_the_scope_and_every_claim_released()
    {
        using var client = factory.CreateClient();
        using var discovery = JsonDocument.Parse(await client.GetStringAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative)));
        Assert.Contains("organization_agent", discovery.RootElement.GetProperty("scopes_supported").EnumerateArray().Select(e => e.GetString()));
        var claims = discovery.RootElement.GetProperty("claims_supported").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.All(
            ["sub", "name", "account_kind", "phone_number", "phone_number_verified", "organization_name", "credit_code", "organization_type", "id_number",
             "agent_name", "agent_role", "agent_authorization", "agent_expires"],
            claim => Assert.Contains(claim, claims));
    }

    /// <summary>A client allowed organization_agent (and the ID number), an organisation, and a person it authorised for all systems.</summary>
    private async Task<(SsoClient Sso, Organisation Organisation, Citizen Citizen, PortalSession Person, Guid Authorization)> AgentAsync(AgentRole role = AgentRole.Agent)
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "organization_agent", "id_number", "offline_access"]);
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var authorization = await factory.AuthorisedAgentAsync(organisation, citizen, role);
        return (sso, organisation, citizen, person, authorization);
    }

    private static async Task<AngleSharp.Dom.IDocument> ConsentPageAsync(PortalSession person, SsoClient.Request request)
    {
        using var response = await person.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await Html.ParseAsync(response);
    }

    private static async Task<TokenAnswer> RedeemAsync(SsoClient sso, PortalSession person, SsoClient.Request request, string? choice)
    {
        var (code, _) = await sso.SignInAsync(person, request, choice: choice);
        return await sso.RedeemAsync(code, request.Verifier);
    }

    private static void AssertActingClaims(JsonElement claims, Organisation organisation, Citizen citizen, Guid authorization, string role)
    {
        Assert.Equal(organisation.Name, claims.GetProperty("organization_name").GetString());
        Assert.Equal(organisation.CreditCode, claims.GetProperty("credit_code").GetString());
        Assert.Equal("企业法人", claims.GetProperty("organization_type").GetString());
        Assert.Equal(citizen.Name, claims.GetProperty("agent_name").GetString());
        Assert.Equal(role, claims.GetProperty("agent_role").GetString());
        Assert.Equal(authorization.ToString("N"), claims.GetProperty("agent_authorization").GetString());
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", claims.GetProperty("agent_expires").GetString());
    }

    private static void AssertEnded(TokenAnswer answer)
    {
        Assert.Equal("invalid_grant", answer.Error);
        Assert.Equal(SingleSignOnMessages.AgentAuthorizationEnded, answer.Json.GetProperty("error_description").GetString());
    }
}

public sealed class SqliteOrganisationAgentSignOnTests(SqlitePortalFactory factory) : OrganisationAgentSignOnTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlOrganisationAgentSignOnTests(PostgreSqlPortalFactory factory) : OrganisationAgentSignOnTests<PostgreSqlPortalFactory>(factory);
