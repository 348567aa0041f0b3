using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Agents;

/// <summary>
/// 单位授权 on 我的账号: an invitation reaches only the person whose 姓名 and 身份证号 it names, and
/// 接受 / 拒绝 there are the person's answer, each with its audit row on the organisation.
/// </summary>
public abstract class InvitationPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task An_invitation_shows_on_my_account_only_when_name_and_id_number_both_match()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (other, otherSession) = await factory.RegisteredCitizenAsync();
        await factory.GrantAgentAsync(organisation, citizen);
        await factory.GrantAgentAsync(organisation, other with { Name = other.Name == "张伟" ? "王芳" : "张伟" });

        var invitation = Assert.Single((await session.GetPageAsync("/my")).QuerySelectorAll("[data-invitation]"));
        Assert.Equal(organisation.Name, invitation.GetAttribute("data-invitation"));
        Assert.Contains(organisation.CreditCode, invitation.TextContent, StringComparison.Ordinal);
        Assert.Contains("经办人", invitation.TextContent, StringComparison.Ordinal);
        Assert.Contains(AgentNames.AllSystems, invitation.TextContent, StringComparison.Ordinal);

        // Same 身份证号 under another name: the other person sees nothing of it.
        Assert.Empty((await otherSession.GetPageAsync("/my")).QuerySelectorAll("[data-invitation]"));
    }

    [Fact]
    public async Task An_invitation_granted_before_the_person_registers_shows_once_they_have_registered()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        await factory.GrantAgentAsync(organisation, citizen);

        var session = factory.NewSession();
        Assert.Equal("/my", (await factory.RegisterAsync(session, citizen)).Location);

        var invitation = Assert.Single((await session.GetPageAsync("/my")).QuerySelectorAll("[data-invitation]"));
        Assert.Equal(organisation.Name, invitation.GetAttribute("data-invitation"));
    }

    [Fact]
    public async Task Accepting_lists_the_organisation_as_accepted_with_its_audit_row()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);

        var answer = await session.SubmitAsync(await session.GetPageAsync("/my"), $"/my/invitations/{id}/accept", new Dictionary<string, string?>());

        Assert.Equal("/my", answer.Location);
        var page = await session.GetPageAsync("/my");
        Assert.Contains(AgentMessages.Accepted, page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.QuerySelectorAll("[data-invitation]"));
        Assert.Equal(organisation.Name, Assert.Single(page.QuerySelectorAll("[data-authorization]")).GetAttribute("data-authorization"));
        Assert.NotNull(page.QuerySelector("a[href='/my/acting']"));
        Assert.Equal(AgentAuthorizationStatus.Accepted, await StatusAsync(id));
        var row = Assert.Single(await AuditAsync(await factory.OrganisationIdAsync(organisation), AuditAction.AgentAccepted));
        Assert.Equal(await factory.PersonIdAsync(citizen), row.ActorAccountId);
    }

    [Fact]
    public async Task Declining_removes_the_invitation_with_its_audit_row()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);

        var answer = await session.SubmitAsync(await session.GetPageAsync("/my"), $"/my/invitations/{id}/decline", new Dictionary<string, string?>());

        Assert.Equal("/my", answer.Location);
        var page = await session.GetPageAsync("/my");
        Assert.Empty(page.QuerySelectorAll("[data-invitation]"));
        Assert.Empty(page.QuerySelectorAll("[data-authorization]"));
        Assert.Equal(AgentAuthorizationStatus.Declined, await StatusAsync(id));
        var row = Assert.Single(await AuditAsync(await factory.OrganisationIdAsync(organisation), AuditAction.AgentDeclined));
        Assert.Equal(await factory.PersonIdAsync(citizen), row.ActorAccountId);
    }

    [Fact]
    public async Task Accepting_a_withdrawn_invitation_or_someone_else_s_is_refused_and_changes_nothing()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (other, _) = await factory.RegisteredCitizenAsync();
        var withdrawn = await factory.GrantAgentAsync(organisation, citizen);
        var theirs = await factory.GrantAgentAsync(organisation, other);
        var page = await session.GetPageAsync("/my");
        var organisationId = await factory.OrganisationIdAsync(organisation);
        await using (var scope = factory.CreateScope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>()
                .WithdrawAsync(new OrganisationAdministrator(organisationId, organisationId, null), withdrawn, CancellationToken.None);
            Assert.True(outcome.Succeeded, outcome.Message);
        }

        // The form still on the person's screen, and a forged one for another person's invitation.
        var late = await session.SubmitAsync(page, $"/my/invitations/{withdrawn}/accept", new Dictionary<string, string?>());
        var forged = await session.SubmitAsync(page, $"/my/invitations/{withdrawn}/accept", new Dictionary<string, string?>(), postTo: $"/my/invitations/{theirs}/accept");
        var forgedDecline = await session.SubmitAsync(page, $"/my/invitations/{withdrawn}/accept", new Dictionary<string, string?>(), postTo: $"/my/invitations/{theirs}/decline");

        foreach (var answer in new[] { late, forged, forgedDecline })
        {
            Assert.Equal("/my", answer.Location);
        }

        var after = await session.GetPageAsync("/my");
        Assert.Contains(AgentMessages.NotFound, after.QuerySelector("[role=alert]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(after.QuerySelectorAll("[data-authorization]"));
        Assert.Equal(AgentAuthorizationStatus.Withdrawn, await StatusAsync(withdrawn));
        Assert.Equal(AgentAuthorizationStatus.Invited, await StatusAsync(theirs));
        Assert.Empty(await AuditAsync(organisationId, AuditAction.AgentAccepted));
        Assert.Empty(await AuditAsync(organisationId, AuditAction.AgentDeclined));
    }

    [Fact]
    public async Task An_answer_to_an_id_that_is_not_a_guid_is_not_found()
    {
        var (_, session) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync("/my");
        var answer = await session.SubmitAsync(page, "/my/password", new Dictionary<string, string?>(), postTo: "/my/invitations/1%27%20OR%201=1/accept");
        Assert.Equal(HttpStatusCode.NotFound, answer.Status);
    }

    private Task<AgentAuthorizationStatus> StatusAsync(Guid id) =>
        factory.QueryAsync(db => db.AgentAuthorizations.Where(a => a.Id == id).Select(a => a.Status).SingleAsync());

    private Task<List<AuditEntry>> AuditAsync(Guid organisation, string action) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == organisation && e.Action == action).ToListAsync());
}

public sealed class InvitationPageTestsOnSqlite(SqlitePortalFactory factory) : InvitationPageTests<SqlitePortalFactory>(factory);

public sealed class InvitationPageTestsOnPostgreSql(PostgreSqlPortalFactory factory) : InvitationPageTests<PostgreSqlPortalFactory>(factory);
