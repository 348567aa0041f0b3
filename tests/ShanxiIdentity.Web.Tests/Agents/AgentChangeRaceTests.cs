using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Agents;

/// <summary>
/// Two administrators of one organisation changing one authorisation: a form showing an older
/// version is refused and shown again with what was saved; two at once, exactly one is saved.
/// </summary>
public abstract class AgentChangeRaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_form_showing_an_older_version_is_refused_and_shown_again_with_the_change_made_meanwhile()
    {
        var (organisation, first) = await factory.RegisteredOrganisationAsync();
        var (_, second, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);
        var url = $"{AgentPages.Url}/{id}";
        var firstPage = await first.GetPageAsync(url);
        var secondPage = await second.GetPageAsync(url);
        var today = ChinaTime.Today(factory.Clock);

        var firstFields = AgentPages.ChangeFields(firstPage);
        firstFields["EndsOn"] = AgentPages.Date(today.AddDays(20));
        Assert.Equal(AgentPages.Url, (await first.SubmitAsync(firstPage, url, firstFields)).Location);

        var secondFields = AgentPages.ChangeFields(secondPage);
        secondFields["EndsOn"] = AgentPages.Date(today.AddDays(40));
        var stale = await second.SubmitAsync(secondPage, url, secondFields);

        Assert.Equal(HttpStatusCode.OK, stale.Status);
        Assert.Contains(AgentMessages.ChangedMeanwhile, stale.Page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(AgentPages.Date(today.AddDays(20)), AgentPages.Value(stale.Page, "EndsOn"));
        var saved = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id));
        Assert.Equal(today.AddDays(20), saved.EndsOn);
        Assert.Equal(saved.Version.ToString(), stale.Page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=Version]")!.Value);

        // The form shown again carries the new version: submitting it now is accepted.
        var again = AgentPages.ChangeFields(stale.Page);
        again["EndsOn"] = AgentPages.Date(today.AddDays(40));
        Assert.Equal(AgentPages.Url, (await second.SubmitAsync(stale.Page, url, again)).Location);
        Assert.Equal(today.AddDays(40), (await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id))).EndsOn);
    }

    [Fact]
    public async Task Two_changes_of_one_authorisation_at_once_save_exactly_one()
    {
        var (organisation, first) = await factory.RegisteredOrganisationAsync();
        var (_, second, _) = await factory.ActingCitizenAsync(organisation, AgentRole.Administrator);
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);
        var url = $"{AgentPages.Url}/{id}";
        var today = ChinaTime.Today(factory.Clock);
        var submissions = new List<Func<Task<PortalSession.Submitted>>>();
        foreach (var (session, days) in new[] { (first, 20), (second, 40) })
        {
            var page = await session.GetPageAsync(url);
            var fields = AgentPages.ChangeFields(page);
            fields["EndsOn"] = AgentPages.Date(today.AddDays(days));
            submissions.Add(() => session.SubmitAsync(page, url, fields));
        }

        var answers = await Task.WhenAll(submissions.Select(submit => submit()));

        Assert.Equal(1, answers.Count(a => a.Location == AgentPages.Url));
        var refused = Assert.Single(answers, a => a.Status == HttpStatusCode.OK);
        Assert.Contains(AgentMessages.ChangedMeanwhile, refused.Page.QuerySelector("[data-error-summary]")!.TextContent, StringComparison.Ordinal);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.AgentChanged && e.SubjectAccountId == organisationId)));
        var winner = answers[0].Location == AgentPages.Url ? 20 : 40;
        Assert.Equal(today.AddDays(winner), (await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id))).EndsOn);
    }
}

public sealed class AgentChangeRaceTestsOnSqlite(SqlitePortalFactory factory) : AgentChangeRaceTests<SqlitePortalFactory>(factory);

public sealed class AgentChangeRaceTestsOnPostgreSql(PostgreSqlPortalFactory factory) : AgentChangeRaceTests<PostgreSqlPortalFactory>(factory);
