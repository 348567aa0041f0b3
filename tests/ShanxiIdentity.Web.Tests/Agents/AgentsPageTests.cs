using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Agents;

/// <summary>
/// 经办人管理 through its real forms: granting, the refusals with their messages, withdrawing, and the
/// activity page, for the 法人账号 and for a person acting as the organisation's 管理员.
/// </summary>
public abstract class AgentsPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_legal_account_grants_a_registered_citizen_who_is_texted_and_listed_as_waiting()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync(AgentPages.Url);
        Assert.Equal("经办人管理", page.QuerySelector("h1")!.TextContent.Trim());
        var today = ChinaTime.Today(factory.Clock);
        Assert.Equal(AgentPages.Date(today), AgentPages.Value(page, "StartsOn"));
        Assert.Equal(AgentPages.Date(today.AddYears(1).AddDays(-1)), AgentPages.Value(page, "EndsOn"));
        Assert.Equal("date", page.QuerySelector<IHtmlInputElement>("#StartsOn")!.Type);
        Assert.Contains(AgentMessages.Limits(2, 365), page.QuerySelector("[data-limits]")!.TextContent, StringComparison.Ordinal);

        var granted = await session.SubmitAsync(page, AgentPages.Url, AgentPages.GrantFields(page, citizen));

        Assert.Equal(HttpStatusCode.Redirect, granted.Status);
        Assert.Equal(AgentPages.Url, granted.Location);
        var list = await session.GetPageAsync(AgentPages.Url);
        Assert.Contains(AgentMessages.Granted, list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector("[data-agents] tbody tr")!;
        Assert.Contains(citizen.Name, row.TextContent, StringComparison.Ordinal);
        Assert.Contains(citizen.MaskedIdNumber, row.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber, list.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("待接受", row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Contains("全部业务系统", row.TextContent, StringComparison.Ordinal);

        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentGranted && e.SubjectAccountId == organisationId && e.ActorAccountId == organisationId)));
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AgentInvited(organisation.Name, "经办人"), factory.LatestSmsTo(citizen.Phone));
        Assert.Equal(SmsMessages.AgentGranted(organisation.Name, SensitiveText.MaskName(citizen.Name)), factory.LatestSmsTo(organisation.Phone));
    }

    [Fact]
    public async Task A_person_acting_as_administrator_opens_the_page_and_grants_for_the_organisation()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (administrator, session, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        var granted = await session.GrantAsync(citizen, AgentRole.Agent);

        Assert.Equal(AgentPages.Url, granted.Location);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var administratorId = await factory.PersonIdAsync(administrator);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentGranted && e.SubjectAccountId == organisationId && e.ActorAccountId == administratorId)));
        var forms = PersonalData.LookupForms(citizen.IdNumber);
        Assert.Equal(1, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == organisationId && forms.Contains(a.PersonIdNumber))));
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AgentGranted(organisation.Name, SensitiveText.MaskName(citizen.Name)), factory.LatestSmsTo(administrator.Phone));
    }

    [Fact]
    public async Task Refusals_name_their_field_and_keep_what_was_typed()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var today = ChinaTime.Today(factory.Clock);

        await factory.GrantAgentAsync(organisation, citizen);
        var twice = await session.GrantAsync(citizen);
        Assert.Equal(HttpStatusCode.OK, twice.Status);
        Assert.Equal(AgentMessages.AlreadyAuthorised, twice.FieldError("PersonIdNumber"));
        Assert.Contains(AgentMessages.AlreadyAuthorised, twice.Page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(citizen.Name, AgentPages.Value(twice.Page, "PersonName"));
        Assert.Equal(citizen.IdNumber, AgentPages.Value(twice.Page, "PersonIdNumber"));

        var (stranger, _) = await factory.RegisteredCitizenAsync();
        var cases = new (string Field, string Message, Action<Dictionary<string, string?>> Adjust)[]
        {
            ("StartsOn", AgentMessages.StartInPast, f => f["StartsOn"] = AgentPages.Date(today.AddDays(-1))),
            ("EndsOn", AgentMessages.EndBeforeStart, f => (f["StartsOn"], f["EndsOn"]) = (AgentPages.Date(today.AddDays(10)), AgentPages.Date(today.AddDays(9)))),
            ("EndsOn", AgentMessages.TooLong(365), f => f["EndsOn"] = AgentPages.Date(today.AddDays(366))),
            ("ClientIds", AgentMessages.UnknownSystem, f => (f["AllSystems"], f["ClientIds"]) = ("false", "no-such-system")),
            ("ClientIds", AgentMessages.ChooseSystems, f => f["AllSystems"] = "false"),
            ("StartsOn", AgentMessages.DateFormat, f => f["StartsOn"] = "30/11/2026"),
        };
        foreach (var (field, message, adjust) in cases)
        {
            var refused = await session.GrantAsync(stranger, adjust: adjust);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal(message, refused.FieldError(field));
            Assert.NotNull(refused.Page.GetElementById(field));
            Assert.Equal(stranger.IdNumber, AgentPages.Value(refused.Page, "PersonIdNumber"));
        }

        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(1, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == organisationId)));
    }

    [Fact]
    public async Task More_administrators_than_allowed_and_an_administrator_authorising_themself_are_refused()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (administrator, session, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);

        var self = await session.GrantAsync(administrator);
        Assert.Equal(AgentMessages.CannotAuthoriseSelf, self.FieldError("PersonIdNumber"));

        await factory.GrantAgentAsync(organisation, (await factory.RegisteredCitizenAsync()).Citizen, AgentRole.Administrator);
        var (third, _) = await factory.RegisteredCitizenAsync();
        var tooMany = await session.GrantAsync(third, AgentRole.Administrator);
        Assert.Equal(AgentMessages.TooManyAdministrators(2), tooMany.FieldError("Role"));
        Assert.Equal(AgentRole.Administrator.ToString(), tooMany.Page.QuerySelector<IHtmlInputElement>("input[name=Role][checked]")!.Value);
        var role = tooMany.Page.GetElementById("Role")!;
        Assert.Equal("true", role.GetAttribute("aria-invalid"));
        Assert.Contains(role.GetAttribute("aria-describedby")!.Split(' '), id => tooMany.Page.GetElementById(id)?.TextContent.Trim() == AgentMessages.TooManyAdministrators(2));
        Assert.NotNull(tooMany.Page.QuerySelector("[data-error-summary] a[href='#Role']"));

        // As 经办人 the same person may be granted.
        Assert.Equal(AgentPages.Url, (await session.GrantAsync(third, AgentRole.Agent)).Location);
    }

    [Fact]
    public async Task An_acting_administrator_cannot_extend_or_change_their_own_authorisation()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (_, session, own) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var before = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == own));
        var today = ChinaTime.Today(factory.Clock);

        var refused = await session.PostWithTokenAsync(AgentPages.Url, $"{AgentPages.Url}/{own}", new()
        {
            ["Version"] = before.Version.ToString(),
            ["Role"] = nameof(AgentRole.Administrator),
            ["AllSystems"] = "true",
            ["StartsOn"] = AgentPages.Date(before.StartsOn),
            ["EndsOn"] = AgentPages.Date(today.AddDays(364)),
        });

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(AgentMessages.CannotChangeOwn, refused.Errors);
        var after = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == own));
        Assert.Equal((before.Version, before.EndsOn), (after.Version, after.EndsOn));
        var row = (await session.GetPageAsync(AgentPages.Url)).QuerySelector($"tr[data-agent='{own}']")!;
        Assert.Null(row.QuerySelector("a"));
        Assert.Contains("本人", row.TextContent, StringComparison.Ordinal);
        using var edit = await session.Client.GetAsync(new Uri($"{AgentPages.Url}/{own}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        Assert.Contains(AgentMessages.CannotChangeOwn, (await session.GetPageAsync(AgentPages.Url)).QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_ends_the_authorisation_with_an_audit_row_and_texts_both_sides()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen);
        var page = await session.GetPageAsync(AgentPages.Url);
        Assert.Equal("有效", page.QuerySelector($"tr[data-agent='{id}'] [data-state]")!.TextContent.Trim());

        var withdrawn = await session.SubmitAsync(page, $"{AgentPages.Url}/{id}/withdraw", new Dictionary<string, string?>());

        Assert.Equal(AgentPages.Url, withdrawn.Location);
        var list = await session.GetPageAsync(AgentPages.Url);
        Assert.Contains(AgentMessages.Withdrawn, list.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var row = list.QuerySelector($"tr[data-agent='{id}']")!;
        Assert.Equal("已撤回", row.QuerySelector("[data-state]")!.TextContent.Trim());
        Assert.Null(row.QuerySelector("form"));
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentWithdrawn && e.SubjectAccountId == organisationId)));
        await factory.DeliverSmsAsync();
        Assert.Equal(SmsMessages.AgentWithdrawnToPerson(organisation.Name), factory.LatestSmsTo(citizen.Phone));
        Assert.Equal(SmsMessages.AgentWithdrawnToAdministrator(organisation.Name, SensitiveText.MaskName(citizen.Name)), factory.LatestSmsTo(organisation.Phone));

        // Ended: the edit page sends back to the list, and a second withdrawal changes nothing.
        using var edit = await session.Client.GetAsync(new Uri($"{AgentPages.Url}/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await session.PostWithTokenAsync(AgentPages.Url, $"{AgentPages.Url}/{id}/withdraw");
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentWithdrawn && e.SubjectAccountId == organisationId)));
    }

    [Fact]
    public async Task A_change_through_the_edit_form_is_saved_with_an_audit_row()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var system = await SsoClient.RegisterAsync(factory, ["profile"]);
        var id = await factory.GrantAgentAsync(organisation, citizen);
        var edit = await session.GetPageAsync($"{AgentPages.Url}/{id}");
        var fields = AgentPages.ChangeFields(edit);
        Assert.Equal(nameof(AgentRole.Agent), fields["Role"]);
        var end = ChinaTime.Today(factory.Clock).AddDays(30);
        fields["EndsOn"] = AgentPages.Date(end);
        fields["AllSystems"] = "false";
        fields["ClientIds"] = system.ClientId;

        var changed = await session.SubmitAsync(edit, $"{AgentPages.Url}/{id}", fields);

        Assert.Equal(AgentPages.Url, changed.Location);
        var saved = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id));
        Assert.Equal(end, saved.EndsOn);
        Assert.Equal([system.ClientId], saved.Terms.ClientIds);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentChanged && e.SubjectAccountId == organisationId)));
        Assert.Contains(AgentMessages.Changed, (await session.GetPageAsync(AgentPages.Url)).QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_citizen_not_acting_an_agent_and_staff_are_forbidden_and_a_visitor_is_sent_to_log_in()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, citizenSession) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);
        var (_, agentSession, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Agent);
        var (_, staff) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var routes = Routes(id);

        foreach (var (session, tokenPage) in new[] { (citizenSession, "/my"), (agentSession, "/my"), (staff, "/counter") })
        {
            foreach (var (method, url) in routes)
            {
                var status = method == "GET"
                    ? (await session.Client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode
                    : (await session.PostWithTokenAsync(tokenPage, url)).Status;
                Assert.True(status == HttpStatusCode.Forbidden, $"{method} {url} answered {(int)status}");
            }
        }

        var anonymous = factory.NewSession();
        foreach (var (method, url) in routes)
        {
            using var request = new HttpRequestMessage(method == "GET" ? HttpMethod.Get : HttpMethod.Post, new Uri(url, UriKind.Relative));
            using var response = await anonymous.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {url} answered {(int)response.StatusCode}");
            Assert.Contains("/account/login", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Another_organisation_s_administrator_finds_none_of_this_organisation_s_authorisations()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.AuthorisedAgentAsync(organisation, citizen);
        var (_, other) = await factory.RegisteredOrganisationAsync();
        var (_, actingElsewhere, _) = await factory.ActingCitizenAsync((await factory.RegisteredOrganisationAsync()).Organisation, AgentRole.Administrator);

        foreach (var session in new[] { other, actingElsewhere })
        {
            using var edit = await session.Client.GetAsync(new Uri($"{AgentPages.Url}/{id}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, edit.StatusCode);
            var change = await session.PostWithTokenAsync(AgentPages.Url, $"{AgentPages.Url}/{id}", new()
            {
                ["Version"] = Guid.NewGuid().ToString(),
                ["Role"] = nameof(AgentRole.Administrator),
                ["AllSystems"] = "true",
                ["StartsOn"] = AgentPages.Date(ChinaTime.Today(factory.Clock)),
                ["EndsOn"] = AgentPages.Date(ChinaTime.Today(factory.Clock).AddDays(10)),
            });
            Assert.Equal(HttpStatusCode.NotFound, change.Status);
            Assert.Equal(HttpStatusCode.NotFound, (await session.PostWithTokenAsync(AgentPages.Url, $"{AgentPages.Url}/{id}/withdraw")).Status);
        }

        var untouched = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id));
        Assert.Equal(AgentAuthorizationStatus.Accepted, untouched.Status);
        Assert.Equal(AgentRole.Agent, untouched.Role);
    }

    [Fact]
    public async Task The_activity_page_shows_this_organisation_s_events_and_not_another_s()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (other, _) = await factory.RegisteredOrganisationAsync();
        var (ours, _) = await factory.RegisteredCitizenAsync();
        var (theirs, _) = await factory.RegisteredCitizenAsync();
        await factory.AuthorisedAgentAsync(organisation, ours);
        await factory.GrantAgentAsync(other, theirs);

        var page = await session.GetPageAsync(AgentPages.Url + "/activity");

        var rows = page.QuerySelectorAll("[data-activity] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("授权经办人", StringComparison.Ordinal) && r.Contains(SensitiveText.MaskName(ours.Name), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(SensitiveText.MaskIdNumber(theirs.IdNumber), StringComparison.Ordinal));
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var granted = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.Action == AuditAction.AgentGranted && e.SubjectAccountId == organisationId));
        Assert.Contains(rows, r => r.Contains(ChinaTime.Format(granted.At, "yyyy-MM-dd HH:mm"), StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.Contains(granted.At.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
    }

    private static (string Method, string Url)[] Routes(Guid id) =>
    [
        ("GET", AgentPages.Url),
        ("POST", AgentPages.Url),
        ("GET", $"{AgentPages.Url}/{id}"),
        ("POST", $"{AgentPages.Url}/{id}"),
        ("POST", $"{AgentPages.Url}/{id}/withdraw"),
        ("GET", $"{AgentPages.Url}/activity"),
    ];
}

public sealed class AgentsPageTestsOnSqlite(SqlitePortalFactory factory) : AgentsPageTests<SqlitePortalFactory>(factory);

public sealed class AgentsPageTestsOnPostgreSql(PostgreSqlPortalFactory factory) : AgentsPageTests<PostgreSqlPortalFactory>(factory);
