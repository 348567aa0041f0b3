using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Agents;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// The attack review of 经办人 (#21): a 管理员 whose authorisation ends while their request runs,
/// administrators racing past the limit, codes issued before a withdrawal, and what the
/// organisation's activity page says about who acted.
/// </summary>
public abstract class AgentAttackTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    /// <summary>
    /// The request's acting is read when it begins; the change commits later. Between the two another
    /// administrator may withdraw or demote this one: what the request then saves must be refused,
    /// not done by someone who is no longer an administrator. (The race is made certain by calling
    /// the service with what the request saw, as its controller does.)
    /// </summary>
    [Fact]
    public async Task An_administrator_withdrawn_while_their_request_runs_can_no_longer_grant_change_or_withdraw()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (administrator, _, own) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (other, _) = await factory.RegisteredCitizenAsync();
        var (newcomer, _) = await factory.RegisteredCitizenAsync();
        var otherId = await factory.GrantAgentAsync(organisation, other);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var seen = new OrganisationAdministrator(organisationId, await factory.PersonIdAsync(administrator), own);
        var legal = new OrganisationAdministrator(organisationId, organisationId, null);
        var today = ChinaTime.Today(factory.Clock);

        await using (var scope = factory.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().WithdrawAsync(legal, own, CancellationToken.None)).Succeeded);
        }

        await using (var scope = factory.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AgentAuthorizations>();
            var grant = await service.GrantAsync(seen, new AgentGrant(newcomer.Name, newcomer.IdNumber, new AgentTerms(AgentRole.Administrator, null, today, today.AddDays(30))), CancellationToken.None);
            Assert.Equal((false, AgentMessages.NoLongerAdministrator), (grant.Succeeded, grant.Message));
        }

        var version = await factory.QueryAsync(db => db.AgentAuthorizations.Where(a => a.Id == otherId).Select(a => a.Version).SingleAsync());
        await using (var scope = factory.CreateScope())
        {
            var service = scope.ServiceProvider.GetRequiredService<AgentAuthorizations>();
            var change = await service.ChangeAsync(seen, otherId, version, new AgentTerms(AgentRole.Administrator, null, today, today.AddDays(300)), CancellationToken.None);
            Assert.Equal((false, AgentMessages.NoLongerAdministrator), (change.Succeeded, change.Message));
        }

        await using (var scope = factory.CreateScope())
        {
            var withdraw = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().WithdrawAsync(seen, otherId, CancellationToken.None);
            Assert.Equal((false, AgentMessages.NoLongerAdministrator), (withdraw.Succeeded, withdraw.Message));
        }

        var forms = PersonalData.LookupForms(newcomer.IdNumber);
        Assert.Equal(0, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == organisationId && forms.Contains(a.PersonIdNumber))));
        var untouched = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == otherId));
        Assert.Equal((AgentAuthorizationStatus.Invited, AgentRole.Agent, version), (untouched.Status, untouched.Role, untouched.Version));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == organisationId && e.ActorAccountId == seen.ActorAccountId
            && (e.Action == AuditAction.AgentGranted || e.Action == AuditAction.AgentChanged || e.Action == AuditAction.AgentWithdrawn))));
    }

    [Fact]
    public async Task An_administrator_demoted_to_agent_while_their_request_runs_cannot_grant()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (administrator, _, own) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (newcomer, _) = await factory.RegisteredCitizenAsync();
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var seen = new OrganisationAdministrator(organisationId, await factory.PersonIdAsync(administrator), own);
        var today = ChinaTime.Today(factory.Clock);
        var before = await factory.QueryAsync(db => db.AgentAuthorizations.AsNoTracking().SingleAsync(a => a.Id == own));

        await using (var scope = factory.CreateScope())
        {
            var demoted = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().ChangeAsync(
                new OrganisationAdministrator(organisationId, organisationId, null), own, before.Version,
                before.Terms with { Role = AgentRole.Agent }, CancellationToken.None);
            Assert.True(demoted.Succeeded, demoted.Message);
        }

        await using (var scope = factory.CreateScope())
        {
            var grant = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().GrantAsync(
                seen, new AgentGrant(newcomer.Name, newcomer.IdNumber, new AgentTerms(AgentRole.Agent, null, today, today.AddDays(30))), CancellationToken.None);
            Assert.Equal((false, AgentMessages.NoLongerAdministrator), (grant.Succeeded, grant.Message));
        }
    }

    /// <summary>Held: the 法人账号 and an acting 管理员 granting the last administrator place at once — one of them gets it.</summary>
    [Fact]
    public async Task Two_administrators_granting_the_last_administrator_place_at_once_fill_it_once()
    {
        var (organisation, legal) = await factory.RegisteredOrganisationAsync();
        var (_, acting, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (first, _) = await factory.RegisteredCitizenAsync();
        var (second, _) = await factory.RegisteredCitizenAsync();
        var legalPage = await legal.GetPageAsync(AgentPages.Url);
        var actingPage = await acting.GetPageAsync(AgentPages.Url);

        var answers = await Task.WhenAll(
            legal.SubmitAsync(legalPage, AgentPages.Url, AgentPages.GrantFields(legalPage, first, AgentRole.Administrator)),
            acting.SubmitAsync(actingPage, AgentPages.Url, AgentPages.GrantFields(actingPage, second, AgentRole.Administrator)));

        Assert.Equal(1, answers.Count(a => a.Location == AgentPages.Url));
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(2, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == organisationId && a.Role == AgentRole.Administrator)));
        Assert.Equal(2, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == organisationId && e.Action == AuditAction.AgentGranted)));
    }

    /// <summary>Held: a code issued under an authorisation withdrawn before the client redeems it gives nothing.</summary>
    [Fact]
    public async Task A_code_issued_before_the_withdrawal_is_refused_at_the_token_endpoint()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "organization_agent", "offline_access"]);
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, person) = await factory.RegisteredCitizenAsync();
        var authorization = await factory.AuthorisedAgentAsync(organisation, citizen);
        var request = sso.AuthorizeRequest("openid profile organization_agent offline_access");
        var (code, _) = await sso.SignInAsync(person, request, choice: authorization.ToString("N"));
        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using (var scope = factory.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().WithdrawAsync(
                new OrganisationAdministrator(organisationId, organisationId, null), authorization, CancellationToken.None)).Succeeded);
        }

        var answer = await sso.RedeemAsync(code, request.Verifier);

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal("invalid_grant", answer.Error);
    }

    /// <summary>
    /// 谁以本单位名义做了什么 names who acted: the expiry job is not the organisation's account (nor is
    /// the counter's staff, whose rows the same rule labels 政务大厅).
    /// </summary>
    [Fact]
    public async Task The_activity_page_does_not_credit_the_organisation_with_an_expiry_it_did_not_make()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var today = ChinaTime.Today(factory.Clock);
        await factory.GrantAgentAsync(organisation, citizen, startsOn: today, endsOn: today);
        factory.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            await using var scope = factory.CreateScope();
            await scope.ServiceProvider.GetRequiredService<AgentExpiry>().RecordDueAsync(CancellationToken.None);
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-1));
        }

        var rows = (await session.GetPageAsync($"{AgentPages.Url}/activity")).QuerySelectorAll("[data-activity] tbody tr")
            .Select(r => (Who: r.Children[1].TextContent.Trim(), What: r.Children[2].TextContent.Trim())).ToList();
        Assert.Contains(("单位账号", AuditAction.DisplayName(AuditAction.AgentGranted)), rows);
        var expired = Assert.Single(rows, r => r.What == AuditAction.DisplayName(AuditAction.AgentExpired));
        Assert.Equal(AgentNames.System, expired.Who);
    }

    [Fact]
    public async Task The_activity_page_names_the_counter_not_the_organisation_for_an_administrator_set_there()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var accountUrl = await clerk.FindAccountAsync(organisation.LoginName);
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=OrganisationAdministrator", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["AgentName"] = citizen.Name,
            ["AgentIdNumber"] = citizen.IdNumber,
            ["LetterDate"] = AgentPages.Date(ChinaTime.Today(factory.Clock)),
        });
        var requestUrl = opened.Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());

        var rows = (await session.GetPageAsync($"{AgentPages.Url}/activity")).QuerySelectorAll("[data-activity] tbody tr")
            .Select(r => (Who: r.Children[1].TextContent.Trim(), What: r.Children[2].TextContent.Trim())).ToList();
        Assert.Contains(("政务大厅", AuditAction.DisplayName(AuditAction.AgentGranted)), rows);
        Assert.Contains(("政务大厅", AuditAction.DisplayName(AuditAction.AgentAccepted)), rows);
        Assert.DoesNotContain(rows, r => r.Who == "单位账号");
    }

    /// <summary>
    /// 身份切换 with 设为默认 reads the authorisation (the switch) and then saves the default in the same
    /// request: an administrator's change committed between the two made the save a concurrency
    /// failure, answered 500. The default is the person's preference, not a term of the authorisation.
    /// </summary>
    [Fact]
    public async Task Keeping_the_choice_as_default_while_an_administrator_changes_the_authorisation_still_saves_it()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen);
        var personId = await factory.PersonIdAsync(citizen);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var sessionId = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == personId && s.EndedAt == null).Select(s => s.Id).FirstAsync());
        var today = ChinaTime.Today(factory.Clock);

        await using var request = factory.CreateScope();
        Assert.True((await request.ServiceProvider.GetRequiredService<ActingSessions>().SwitchAsync(sessionId, personId, id, CancellationToken.None)).Succeeded);
        await using (var administrator = factory.CreateScope())
        {
            var current = await factory.QueryAsync(db => db.AgentAuthorizations.AsNoTracking().SingleAsync(a => a.Id == id));
            var changed = await administrator.ServiceProvider.GetRequiredService<AgentAuthorizations>().ChangeAsync(
                new OrganisationAdministrator(organisationId, organisationId, null), id, current.Version, current.Terms with { EndsOn = today.AddDays(100) }, CancellationToken.None);
            Assert.True(changed.Succeeded, changed.Message);
        }

        var saved = await request.ServiceProvider.GetRequiredService<AgentAuthorizations>().SetDefaultAsync(personId, id, CancellationToken.None);

        Assert.True(saved.Succeeded, saved.Message);
        var after = await factory.QueryAsync(db => db.AgentAuthorizations.AsNoTracking().SingleAsync(a => a.Id == id));
        Assert.Equal((true, today.AddDays(100)), (after.IsDefault, after.EndsOn));
    }

    /// <summary>
    /// Client ids may be 50 characters: some 40 systems chosen one by one overflow the column that
    /// keeps them (PostgreSQL refused the row, a 500). The choice is refused with a message instead.
    /// </summary>
    [Fact]
    public async Task Choosing_more_systems_than_the_authorisation_can_hold_is_refused_not_a_server_error()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var chosen = new List<string>();
        await using (var scope = factory.CreateScope())
        {
            var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
            for (var i = 0; i < 45; i++)
            {
                var clientId = ("s" + Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"))[..50];
                await registry.RegisterAsync(clientId, false, new ClientSettings("测试业务系统", [$"https://{clientId}.example.gov.cn/cb"], [], ["openid"], false), actor: null, CancellationToken.None);
                chosen.Add(clientId);
            }
        }

        var today = ChinaTime.Today(factory.Clock);
        await using (var scope = factory.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().GrantAsync(
                new OrganisationAdministrator(organisationId, organisationId, null),
                new AgentGrant(citizen.Name, citizen.IdNumber, new AgentTerms(AgentRole.Agent, chosen, today, today.AddDays(30))), CancellationToken.None);
            Assert.Equal((false, AgentMessages.TooManySystems, nameof(AgentTerms.ClientIds)), (outcome.Succeeded, outcome.Message, outcome.Field));
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == organisationId)));
    }
}

public sealed class AgentAttackTestsOnSqlite(SqlitePortalFactory factory) : AgentAttackTests<SqlitePortalFactory>(factory);

public sealed class AgentAttackTestsOnPostgreSql(PostgreSqlPortalFactory factory) : AgentAttackTests<PostgreSqlPortalFactory>(factory);
