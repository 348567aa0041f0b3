using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// Arranges 经办人 authorisations through the portal's own services, for tests whose subject is
/// what comes after (the pages and the journeys test the forms themselves).
/// </summary>
public static class AgentSetup
{
    public static async Task<Guid> OrganisationIdAsync(this PortalFactory factory, Organisation organisation)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(organisation);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return await db.LegalEntityProfiles.Where(p => p.CreditCode == organisation.CreditCode).Select(p => p.AccountId).SingleAsync();
    }

    public static async Task<Guid> PersonIdAsync(this PortalFactory factory, Citizen citizen)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(citizen);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var forms = PersonalData.LookupForms(citizen.IdNumber);
        return await db.PersonProfiles.Where(p => forms.Contains(p.ResidentIdNumber)).Select(p => p.AccountId).SingleAsync();
    }

    /// <summary>The organisation's own account grants the citizen an authorisation (today for a year unless told).</summary>
    public static async Task<Guid> GrantAgentAsync(
        this PortalFactory factory, Organisation organisation, Citizen citizen, AgentRole role = AgentRole.Agent,
        IReadOnlyList<string>? clientIds = null, DateOnly? startsOn = null, DateOnly? endsOn = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(citizen);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var today = ChinaTime.Today(factory.Clock);
        await using var scope = factory.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().GrantAsync(
            new OrganisationAdministrator(organisationId, organisationId, null),
            new AgentGrant(citizen.Name, citizen.IdNumber, new AgentTerms(role, clientIds, startsOn ?? today, endsOn ?? today.AddDays(300))),
            CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var forms = PersonalData.LookupForms(citizen.IdNumber);
        return await db.AgentAuthorizations
            .Where(a => a.OrganisationAccountId == organisationId && forms.Contains(a.PersonIdNumber))
            .OrderByDescending(a => a.CreatedAt).Select(a => a.Id).FirstAsync();
    }

    /// <summary>The citizen accepts the invitation.</summary>
    public static async Task AcceptAgentAsync(this PortalFactory factory, Citizen citizen, Guid authorizationId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var personId = await factory.PersonIdAsync(citizen);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var person = await db.Users.Include(a => a.Person).SingleAsync(a => a.Id == personId);
        var outcome = await scope.ServiceProvider.GetRequiredService<AgentAuthorizations>().AcceptAsync(person, authorizationId, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
    }

    /// <summary>Granted and accepted: the citizen may act for the organisation.</summary>
    public static async Task<Guid> AuthorisedAgentAsync(this PortalFactory factory, Organisation organisation, Citizen citizen, AgentRole role = AgentRole.Agent, IReadOnlyList<string>? clientIds = null)
    {
        var id = await factory.GrantAgentAsync(organisation, citizen, role, clientIds);
        await factory.AcceptAgentAsync(citizen, id);
        return id;
    }

    /// <summary>The citizen's most recent open session (the browser that signed in last) acts for the authorisation's organisation.</summary>
    public static async Task ActForAsync(this PortalFactory factory, Citizen citizen, Guid authorizationId)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var personId = await factory.PersonIdAsync(citizen);
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var session = await db.SignInSessions.Where(s => s.AccountId == personId && s.EndedAt == null).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync();
        var outcome = await scope.ServiceProvider.GetRequiredService<ActingSessions>().SwitchAsync(session, personId, authorizationId, CancellationToken.None);
        Assert.True(outcome.Succeeded, outcome.Message);
    }
}
