using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Agents;

/// <summary>
/// 身份切换 through its page and the header every page carries; a default authorisation at sign-in;
/// and the end of an authorisation (its date passed, or withdrawn) taking effect at the very next request.
/// </summary>
public abstract class ActingPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Switching_to_an_organisation_names_it_in_the_header_with_an_audit_row_and_back_to_personal()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen);
        Assert.Contains(AgentMessages.PersonalService, Header(await session.GetPageAsync("/my")), StringComparison.Ordinal);

        var acting = await session.GetPageAsync("/my/acting");
        Assert.NotNull(acting.QuerySelector("#Identity[checked]"));
        var switched = await session.SubmitAsync(acting, "/my/acting", new Dictionary<string, string?> { ["Identity"] = id.ToString("N") });

        Assert.Equal("/my", switched.Location);
        var page = await session.GetPageAsync("/my");
        Assert.Contains($"当前身份：{organisation.Name}（经办人）", Header(page), StringComparison.Ordinal);
        Assert.Contains(AgentMessages.NowActingFor(organisation.Name), page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var row = Assert.Single(await AuditAsync(await factory.OrganisationIdAsync(organisation), AuditAction.ActingAsOrganisation));
        Assert.Equal(await factory.PersonIdAsync(citizen), row.ActorAccountId);
        Assert.NotNull((await session.GetPageAsync("/my/acting")).QuerySelector($"#Identity-{id:N}[checked]"));

        var back = await session.SubmitAsync(await session.GetPageAsync("/my/acting"), "/my/acting", new Dictionary<string, string?> { ["Identity"] = "personal" });

        Assert.Equal("/my", back.Location);
        var personal = Header(await session.GetPageAsync("/my"));
        Assert.Contains(AgentMessages.PersonalService, personal, StringComparison.Ordinal);
        Assert.DoesNotContain(organisation.Name, personal, StringComparison.Ordinal);
        Assert.Null(await ActingOfAsync(citizen));
    }

    [Fact]
    public async Task Switching_to_an_authorisation_not_in_force_or_not_one_s_own_is_refused_on_the_page()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (other, _) = await factory.RegisteredCitizenAsync();
        var today = ChinaTime.Today(factory.Clock);
        var later = await factory.GrantAgentAsync(organisation, citizen, startsOn: today.AddDays(3));
        await factory.AcceptAgentAsync(citizen, later);
        var theirs = await factory.AuthorisedAgentAsync(organisation, other);
        var page = await session.GetPageAsync("/my/acting");
        Assert.Null(page.QuerySelector($"#Identity-{later:N}"));

        foreach (var chosen in new[] { later, theirs })
        {
            var refused = await session.SubmitAsync(page, "/my/acting", new Dictionary<string, string?> { ["Identity"] = chosen.ToString("N") });
            Assert.Equal(System.Net.HttpStatusCode.OK, refused.Status);
            Assert.Equal(AgentMessages.NotInForce, refused.FieldError("Identity"));
        }

        var empty = await session.SubmitAsync(page, "/my/acting", new Dictionary<string, string?> { ["Identity"] = string.Empty });
        Assert.Equal(AgentMessages.ChooseIdentity, empty.FieldError("Identity"));
        Assert.Null(await ActingOfAsync(citizen));
        Assert.Empty(await AuditAsync(await factory.OrganisationIdAsync(organisation), AuditAction.ActingAsOrganisation));
    }

    [Fact]
    public async Task With_a_default_set_the_next_sign_in_acts_for_the_organisation_from_the_first_page()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen, AgentRole.Administrator);
        var switched = await session.SubmitAsync(await session.GetPageAsync("/my/acting"), "/my/acting", new Dictionary<string, string?> { ["Identity"] = id.ToString("N"), ["MakeDefault"] = "true" });
        Assert.Equal("/my", switched.Location);
        var my = await session.GetPageAsync("/my");
        Assert.NotNull(my.QuerySelector("[data-authorization] [data-default]"));
        Assert.NotNull(my.QuerySelector("a[href='/my/agents']"));
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Single(await AuditAsync(organisationId, AuditAction.ActingAsOrganisation));

        var device = factory.NewSession();
        Assert.Equal("/my", (await device.LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        Assert.Contains($"当前身份：{organisation.Name}（管理员）", Header(await device.GetPageAsync("/my")), StringComparison.Ordinal);
        Assert.Equal(2, (await AuditAsync(organisationId, AuditAction.ActingAsOrganisation)).Count);
    }

    [Fact]
    public async Task An_authorisation_ending_while_the_session_acts_turns_the_next_request_to_personal_with_the_alert()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var today = ChinaTime.Today(factory.Clock);
        var id = await factory.GrantAgentAsync(organisation, citizen, endsOn: today);
        await factory.AcceptAgentAsync(citizen, id);
        await factory.ActForAsync(citizen, id);
        Assert.Contains(organisation.Name, Header(await session.GetPageAsync("/my")), StringComparison.Ordinal);

        // The browser stays in use (the sign-in cookie lasts 30 idle minutes) until China's midnight passes.
        var step = TimeSpan.FromMinutes(20);
        var moved = TimeSpan.Zero;
        try
        {
            while (ChinaTime.Today(new ShiftedClock(factory.Clock, step)) <= today)
            {
                factory.Clock.Advance(step);
                moved += step;
                Assert.Contains(organisation.Name, Header(await session.GetPageAsync("/my")), StringComparison.Ordinal);
            }

            factory.Clock.Advance(step);
            moved += step;
            await AssertEndedAsync(session, citizen, organisation);
        }
        finally
        {
            factory.Clock.Advance(-moved);
        }
    }

    [Fact]
    public async Task A_withdrawal_while_the_session_acts_turns_the_next_request_to_personal_with_the_alert()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen);
        await factory.ActForAsync(citizen, id);
        Assert.Contains(organisation.Name, Header(await session.GetPageAsync("/my")), StringComparison.Ordinal);

        await WithdrawAsync(organisation, id);

        await AssertEndedAsync(session, citizen, organisation);
    }

    [Fact]
    public async Task After_a_withdrawal_racing_sign_in_and_switching_no_request_of_the_session_acts_for_the_organisation()
    {
        for (var round = 0; round < 8; round++)
        {
            var (organisation, _) = await factory.RegisteredOrganisationAsync();
            var (citizen, session) = await factory.RegisteredCitizenAsync();
            var id = await factory.AuthorisedAgentAsync(organisation, citizen);
            await using (var scope = factory.CreateScope())
            {
                var personId = await factory.PersonIdAsync(citizen);
                Assert.True((await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().SetDefaultAsync(personId, id, CancellationToken.None)).Succeeded);
            }

            var device = factory.NewSession();
            var page = await session.GetPageAsync("/my/acting");
            await Task.WhenAll(
                WithdrawAsync(organisation, id),
                device.LogInAsync(citizen.IdNumber, citizen.Password),
                session.SubmitAsync(page, "/my/acting", new Dictionary<string, string?> { ["Identity"] = id.ToString("N") }));

            // Whichever came first, every later request of either browser is 个人办事.
            foreach (var browser in new[] { session, device })
            {
                Assert.DoesNotContain(organisation.Name, Header(await browser.GetPageAsync("/my")), StringComparison.Ordinal);
                Assert.DoesNotContain(organisation.Name, Header(await browser.GetPageAsync("/my")), StringComparison.Ordinal);
            }

            Assert.Null(await ActingOfAsync(citizen));
        }
    }

    [Fact]
    public async Task The_expiry_job_records_each_ended_authorisation_once_even_on_two_instances_at_once()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var (other, _) = await factory.RegisteredCitizenAsync();
        var today = ChinaTime.Today(factory.Clock);
        // One accepted, one still waiting: both end.
        await factory.AcceptAgentAsync(citizen, await factory.GrantAgentAsync(organisation, citizen, endsOn: today.AddDays(1)));
        await factory.GrantAgentAsync(organisation, other, endsOn: today.AddDays(1));
        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        second.Clock.Advance(TimeSpan.FromDays(2));
        factory.Clock.Advance(TimeSpan.FromDays(2));
        try
        {
            await using var one = factory.CreateScope();
            await using var two = second.CreateScope();
            await Task.WhenAll(
                one.ServiceProvider.GetRequiredService<AgentExpiry>().RecordDueAsync(CancellationToken.None),
                two.ServiceProvider.GetRequiredService<AgentExpiry>().RecordDueAsync(CancellationToken.None));
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromDays(-2));
        }

        var organisationId = await factory.OrganisationIdAsync(organisation);
        var statuses = await factory.QueryAsync(db => db.AgentAuthorizations.Where(a => a.OrganisationAccountId == organisationId).Select(a => a.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(AgentAuthorizationStatus.Expired, s));
        Assert.Equal(2, statuses.Count);
        var rows = await AuditAsync(organisationId, AuditAction.AgentExpired);
        Assert.Equal(2, rows.Count);
        Assert.Equal(2, rows.Select(r => r.Detail).Distinct().Count());
    }

    private async Task AssertEndedAsync(PortalSession session, Citizen citizen, Organisation organisation)
    {
        var page = await session.GetPageAsync("/my");
        var header = Header(page);
        Assert.DoesNotContain("当前身份", header, StringComparison.Ordinal);
        Assert.Equal(AgentMessages.ActingEnded(organisation.Name), page.QuerySelector("[data-acting-ended][role=alert]")!.TextContent.Trim());
        Assert.Null(await ActingOfAsync(citizen));

        // Said once: the page after has no alert.
        Assert.Null((await session.GetPageAsync("/my")).QuerySelector("[data-acting-ended]"));
    }

    private async Task WithdrawAsync(Organisation organisation, Guid id)
    {
        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using var scope = factory.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>()
            .WithdrawAsync(new OrganisationAdministrator(organisationId, organisationId, null), id, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    /// <summary>What the clock will say after <paramref name="by"/>, without moving it.</summary>
    private sealed class ShiftedClock(TimeProvider clock, TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow() + by;
    }

    private static string Header(IDocument page) => page.QuerySelector("header")!.TextContent;

    private async Task<Guid?> ActingOfAsync(Citizen citizen)
    {
        var personId = await factory.PersonIdAsync(citizen);
        var acting = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == personId && s.EndedAt == null).Select(s => s.ActingAuthorizationId).ToListAsync());
        return acting.FirstOrDefault(a => a is not null);
    }

    private Task<List<ShanxiIdentity.Data.Entities.AuditEntry>> AuditAsync(Guid organisation, string action) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == organisation && e.Action == action).ToListAsync());
}

public sealed class ActingPageTestsOnSqlite(SqlitePortalFactory factory) : ActingPageTests<SqlitePortalFactory>(factory);

public sealed class ActingPageTestsOnPostgreSql(PostgreSqlPortalFactory factory) : ActingPageTests<PostgreSqlPortalFactory>(factory);
