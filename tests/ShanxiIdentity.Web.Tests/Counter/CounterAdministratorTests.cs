using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>设定单位管理员 at the counter (#21): the letter's 被授权人 becomes the organisation's administrator, through the staff pages.</summary>
public abstract class CounterAdministratorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_counter_sets_a_registered_citizen_as_the_organisation_s_administrator_for_all_systems()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (supervisorMember, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        // The organisation's page offers the change; a person's does not.
        var accountUrl = await clerk.FindAccountAsync(organisation.LoginName);
        Assert.NotNull((await clerk.GetPageAsync(accountUrl)).QuerySelector("a[href$='kind=OrganisationAdministrator']"));
        var personUrl = await clerk.FindAccountAsync(citizen.IdNumber);
        Assert.Null((await clerk.GetPageAsync(personUrl)).QuerySelector("a[href$='kind=OrganisationAdministrator']"));

        var opened = await clerk.OpenRequestAsync(NewUrl(accountUrl), Fields(citizen, ChinaTime.Today(factory.Clock)));
        Assert.True(opened.Location?.StartsWith("/counter/requests/", StringComparison.Ordinal), string.Join(" | ", opened.Errors));
        var requestUrl = opened.Location!;

        // The checklist is the table's 代办 row; the page names the new administrator, ID number masked.
        var page = await clerk.GetPageAsync(requestUrl);
        Assert.Equal(
            MaterialsTable.For(CounterUserType.Enterprise, byAgent: true).Items.Select(i => $"{i.Position}. {i.Text}"),
            page.QuerySelectorAll("[data-material] > div:first-child").Select(d => d.TextContent.Trim()));
        Assert.Equal($"{citizen.Name} {citizen.MaskedIdNumber}", page.QuerySelector("[data-field=new-administrator]")!.TextContent);
        Assert.DoesNotContain(citizen.IdNumber, page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("设定单位管理员", page.QuerySelector("[data-request]")!.TextContent, StringComparison.Ordinal);

        await ApproveAsync(clerk, supervisor, requestUrl);

        var organisationId = await factory.OrganisationIdAsync(organisation);
        var personId = await factory.PersonIdAsync(citizen);
        var today = ChinaTime.Today(factory.Clock);
        var authorization = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.OrganisationAccountId == organisationId));
        Assert.Equal(AgentAuthorizationStatus.Accepted, authorization.Status);
        Assert.Equal(AgentRole.Administrator, authorization.Role);
        Assert.Equal(personId, authorization.PersonAccountId);
        Assert.Null(authorization.ClientIds);
        Assert.Null(authorization.GrantedByAccountId);
        Assert.Equal(RequestId(requestUrl), authorization.CounterRequestId);
        Assert.Equal(today, authorization.StartsOn);
        Assert.Equal(today.AddDays(factory.Services.GetRequiredService<AgentSettings>().MaxValidityDays - 1), authorization.EndsOn);

        // Audited as the approving supervisor's act on the organisation.
        var supervisorId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == supervisorMember.LoginName).Select(u => u.Id).SingleAsync());
        var audited = await factory.QueryAsync(db => db.AuditEntries
            .Where(e => e.SubjectAccountId == organisationId && e.Action.StartsWith("agent."))
            .Select(e => new { e.Action, e.ActorAccountId, e.Detail }).ToListAsync());
        Assert.Equal([AuditAction.AgentAccepted, AuditAction.AgentGranted], audited.Select(e => e.Action).Order(StringComparer.Ordinal));
        Assert.All(audited, e => Assert.Equal(supervisorId, e.ActorAccountId));
        Assert.All(audited, e => Assert.DoesNotContain(citizen.IdNumber, e.Detail!, StringComparison.Ordinal));

        // Both the new administrator and the organisation are told.
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AdministratorSetAtCounter(organisation.Name), factory.LatestSmsTo(citizen.Phone));
        Assert.Equal(SmsMessages.AdministratorSetAtCounterToOrganisation(SensitiveText.MaskName(citizen.Name)), factory.LatestSmsTo(organisation.Phone));

        // The citizen can act for the organisation, in every system, as its administrator.
        await factory.ActForAsync(citizen, authorization.Id);
        await using var scope = factory.CreateScope();
        var covering = await scope.ServiceProvider.GetRequiredService<AgentDirectory>().CoveringAsync(personId, "any-business-system", CancellationToken.None);
        Assert.Contains(covering, a => a.Id == authorization.Id && a.Role == AgentRole.Administrator);
    }

    [Fact]
    public async Task A_new_administrator_from_the_counter_replaces_the_person_who_was_administrator()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (previous, _) = await factory.RegisteredCitizenAsync();
        var (agent, _) = await factory.RegisteredCitizenAsync();
        var (successor, _) = await factory.RegisteredCitizenAsync();
        var previousId = await factory.AuthorisedAgentAsync(organisation, previous, AgentRole.Administrator);
        var agentId = await factory.AuthorisedAgentAsync(organisation, agent);
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        var opened = await clerk.OpenRequestAsync(NewUrl(await clerk.FindAccountAsync(organisation.CreditCode)), Fields(successor, ChinaTime.Today(factory.Clock).AddDays(-20)));
        await ApproveAsync(clerk, supervisor, opened.Location!);

        var organisationId = await factory.OrganisationIdAsync(organisation);
        var statuses = await factory.QueryAsync(db => db.AgentAuthorizations.Where(a => a.OrganisationAccountId == organisationId).ToDictionaryAsync(a => a.Id, a => a.Status));
        Assert.Equal(AgentAuthorizationStatus.Withdrawn, statuses[previousId]);
        Assert.Equal(AgentAuthorizationStatus.Accepted, statuses[agentId]); // an 经办人 keeps acting
        var successorsId = await factory.PersonIdAsync(successor);
        Assert.Equal(AgentAuthorizationStatus.Accepted, await factory.QueryAsync(db => db.AgentAuthorizations.Where(a => a.PersonAccountId == successorsId).Select(a => a.Status).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == organisationId && e.Action == AuditAction.AgentWithdrawn)));

        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AgentWithdrawnToPerson(organisation.Name), factory.LatestSmsTo(previous.Phone));
    }

    [Fact]
    public async Task An_administrator_without_an_account_is_invited_and_sees_the_invitation_once_registered()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var newcomer = Citizen.New();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);

        var opened = await clerk.OpenRequestAsync(NewUrl(await clerk.FindAccountAsync(organisation.LoginName)), Fields(newcomer, ChinaTime.Today(factory.Clock)));
        await ApproveAsync(clerk, supervisor, opened.Location!);

        var organisationId = await factory.OrganisationIdAsync(organisation);
        var invitation = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.OrganisationAccountId == organisationId));
        Assert.Equal(AgentAuthorizationStatus.Invited, invitation.Status);
        Assert.Null(invitation.PersonAccountId);
        await factory.DeliverSmsAsync();
        Assert.Null(factory.LatestSmsTo(newcomer.Phone));
        Assert.NotNull(factory.LatestSmsTo(organisation.Phone));

        await factory.AddResidentAsync(newcomer);
        Assert.Equal("/my", (await factory.RegisterAsync(factory.NewSession(), newcomer)).Location);
        var personId = await factory.PersonIdAsync(newcomer);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = await db.Users.Include(a => a.Person).SingleAsync(a => a.Id == personId);
        var waiting = await scope.ServiceProvider.GetRequiredService<AgentInvitees>().InvitationsForAsync(person, CancellationToken.None);
        Assert.Equal(invitation.Id, Assert.Single(waiting).Id);
    }

    [Fact]
    public async Task The_counter_refuses_a_letter_out_of_date_a_person_account_and_a_request_without_an_agent()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var agent = Citizen.New();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var today = ChinaTime.Today(factory.Clock);
        var newUrl = NewUrl(await clerk.FindAccountAsync(organisation.LoginName));
        var old = today.AddMonths(-1).AddDays(-1);

        var expired = await clerk.OpenRequestAsync(newUrl, Fields(agent, old));
        var ahead = await clerk.OpenRequestAsync(newUrl, Fields(agent, today.AddDays(1)));
        var noAgent = await clerk.OpenRequestAsync(newUrl, new Dictionary<string, string?>(Fields(agent, today)) { ["ByAgent"] = "false", ["AgentName"] = "", ["AgentIdNumber"] = "", ["LetterDate"] = "" });
        var personFields = new Dictionary<string, string?>(Fields(agent, today)) { ["UserType"] = nameof(CounterUserType.Person) };
        var person = await clerk.OpenRequestAsync(NewUrl(await clerk.FindAccountAsync(citizen.IdNumber)), personFields);

        Assert.Equal(CounterMessages.LetterExpired(AuthorizationLetter.LastValidDay(old)), expired.FieldError("LetterDate"));
        Assert.Equal(CounterMessages.LetterDatedAhead, ahead.FieldError("LetterDate"));
        Assert.Contains(CounterMessages.AdministratorByAgentOnly, noAgent.Errors);
        Assert.Equal(CounterMessages.AdministratorForOrganisationOnly, person.FieldError("UserType"));
        Assert.All([expired, ahead, noAgent, person], refused => Assert.Null(refused.Location));
        // By the accounts this test alone uses: agents' names repeat across tests sharing the database.
        var accounts = new[] { await factory.OrganisationIdAsync(organisation), await factory.PersonIdAsync(citizen) };
        Assert.Equal(0, await factory.QueryAsync(db => db.CounterRequests.CountAsync(r => r.ChangeKind == CounterChangeKind.OrganisationAdministrator && r.AccountId != null && accounts.Contains(r.AccountId.Value))));
    }

    [Fact]
    public async Task The_clerk_who_opened_an_administrator_request_cannot_approve_it()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, both) = await factory.SignedInStaffAsync(StaffRole.Clerk, StaffRole.Supervisor);
        var requestUrl = (await both.OpenRequestAsync(NewUrl(await both.FindAccountAsync(organisation.LoginName)), Fields(citizen, ChinaTime.Today(factory.Clock)))).Location!;
        await SubmitAsync(both, requestUrl);

        var own = await both.GetPageAsync(requestUrl);
        Assert.Null(own.QuerySelector("[data-decision]"));
        await both.PostAsync(requestUrl + "/approve", new Dictionary<string, string?> { ["__RequestVerificationToken"] = CounterDeskSteps.Token(own) });

        Assert.Equal(CounterMessages.OwnRequest, (await both.GetPageAsync(requestUrl)).QuerySelector(".alert-warning")!.TextContent.Trim());
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.False(await factory.QueryAsync(db => db.AgentAuthorizations.AnyAsync(a => a.OrganisationAccountId == organisationId)));
    }

    [Fact]
    public async Task An_approval_racing_a_change_to_the_organisation_s_authorisations_is_refused_and_the_request_still_waits()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (supervisorMember, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var requestUrl = (await clerk.OpenRequestAsync(NewUrl(await clerk.FindAccountAsync(organisation.LoginName)), Fields(citizen, ChinaTime.Today(factory.Clock)))).Location!;
        await SubmitAsync(clerk, requestUrl);
        var requestId = RequestId(requestUrl);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var supervisorId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == supervisorMember.LoginName).Select(u => u.Id).SingleAsync());

        await using (var scope = factory.CreateScope())
        {
            // The approval has read the organisation when an administrator's grant online commits.
            _ = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Users.SingleAsync(a => a.Id == organisationId);
            await factory.GrantAgentAsync(organisation, Citizen.New());
            var outcome = await scope.ServiceProvider.GetRequiredService<CounterReview>().ApproveAsync(requestId, supervisorId, CancellationToken.None);
            Assert.Equal(CounterMessages.AccountChangedMeanwhile, outcome.Message);
        }

        Assert.False(await factory.QueryAsync(db => db.AgentAuthorizations.AnyAsync(a => a.OrganisationAccountId == organisationId && a.Role == AgentRole.Administrator)));
        Assert.True(await factory.QueryAsync(db => db.CounterRequests.AnyAsync(r => r.Id == requestId && r.Status == CounterRequestStatus.Submitted)));

        // Looked at again, it is approved.
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
        Assert.True(await factory.QueryAsync(db => db.AgentAuthorizations.AnyAsync(a => a.OrganisationAccountId == organisationId && a.Role == AgentRole.Administrator)));
    }

    private static string NewUrl(string accountUrl) =>
        $"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=OrganisationAdministrator";

    private static Guid RequestId(string requestUrl) => Guid.Parse(requestUrl.Split('/')[^1], CultureInfo.InvariantCulture);

    /// <summary>The form as the clerk fills it from the letter: the 被授权人 and its date.</summary>
    private static Dictionary<string, string?> Fields(Citizen agent, DateOnly letterDate) => new()
    {
        ["UserType"] = nameof(CounterUserType.Enterprise),
        ["AgentName"] = agent.Name,
        ["AgentIdNumber"] = agent.IdNumber,
        ["LetterDate"] = letterDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>The clerk ticks and scans every material and submits the request.</summary>
    private static async Task SubmitAsync(PortalSession clerk, string requestUrl)
    {
        await clerk.CompleteMaterialsAsync(requestUrl);
        Assert.Equal(requestUrl, (await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>())).Location);
    }

    /// <summary>The clerk completes and submits the request, another staff member approves it, and it is applied.</summary>
    private static async Task ApproveAsync(PortalSession clerk, PortalSession supervisor, string requestUrl)
    {
        await SubmitAsync(clerk, requestUrl);
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
        var applied = await supervisor.GetPageAsync(requestUrl);
        Assert.True(
            applied.QuerySelector("[data-request-status]")!.GetAttribute("data-request-status") == nameof(CounterRequestStatus.Applied),
            applied.QuerySelector(".alert-warning")?.TextContent);
    }
}

public sealed class CounterAdministratorTestsOnSqlite(SqlitePortalFactory factory) : CounterAdministratorTests<SqlitePortalFactory>(factory);

public sealed class CounterAdministratorTestsOnPostgreSql(PostgreSqlPortalFactory factory) : CounterAdministratorTests<PostgreSqlPortalFactory>(factory);
