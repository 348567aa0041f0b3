using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Closing;

/// <summary>注销账号 of a 法人账号 and of a person who acts for an organisation (their authorisations end).</summary>
public abstract class OrganisationClosingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task An_organisation_closes_and_its_credit_code_and_login_name_are_free_again()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var id = await factory.OrganisationIdAsync(organisation);
        Assert.Equal(ClosingGate(), (await factory.RequestClosingAsync(session, organisation.Phone, organisation.Password)).Location);
        Assert.True(await factory.RunClosingTaskAsync(factory.AfterCoolingOff()) >= 1);

        Assert.False(await factory.QueryAsync(db => db.LegalEntityProfiles.AnyAsync(p => p.AccountId == id || p.CreditCode == organisation.CreditCode)));
        var loginName = organisation.LoginName.ToUpperInvariant();
        Assert.False(await factory.QueryAsync(db => db.Users.AnyAsync(a => a.NormalizedUserName == loginName)));
    }

    [Fact]
    public async Task A_person_s_authorisations_end_when_the_person_closes_and_the_organisation_s_rows_forget_them()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var authorizationId = await factory.AuthorisedAgentAsync(organisation, citizen);
        var organisationId = await factory.OrganisationIdAsync(organisation);

        // A person who acts for organisations may close: the page says closing ends those authorisations.
        Assert.Contains("随注销结束", (await session.GetPageAsync(ClosingSteps.PageUrl)).QuerySelector("[data-closing-explained]")!.TextContent, StringComparison.Ordinal);
        await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);
        var personId = await factory.PersonIdAsync(citizen);
        Assert.True(await factory.RunClosingTaskAsync(factory.AfterCoolingOff()) >= 1);

        var forms = PersonalData.LookupForms(citizen.IdNumber);
        Assert.False(await factory.QueryAsync(db => db.AgentAuthorizations.AnyAsync(a => a.Id == authorizationId || forms.Contains(a.PersonIdNumber))));
        var rows = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == organisationId && e.Action.StartsWith("agent.")).ToListAsync());
        var ended = Assert.Single(rows, e => e.Action == AuditAction.AgentEndedByClosing);
        Assert.Equal(personId, ended.ActorAccountId);
        Assert.All(rows, e => Assert.EndsWith($"#{authorizationId:N}", e.Detail!, StringComparison.Ordinal));
        Assert.All(rows, e => Assert.DoesNotContain(Domain.Identifiers.SensitiveText.MaskName(citizen.Name), e.Detail!, StringComparison.Ordinal));
    }

    private static string ClosingGate() => Web.Services.Closing.ClosingGate.PendingPath;
}

public sealed class OrganisationClosingTestsOnSqlite(SqlitePortalFactory factory) : OrganisationClosingTests<SqlitePortalFactory>(factory);

public sealed class OrganisationClosingTestsOnPostgreSql(PostgreSqlPortalFactory factory) : OrganisationClosingTests<PostgreSqlPortalFactory>(factory);
