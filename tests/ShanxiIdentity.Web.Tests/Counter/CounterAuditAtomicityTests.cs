using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>
/// The counter's phone change and 设定单位管理员, on a portal of its own: AuditAtomicityTests moves its portal's clock past
/// SMS resend intervals, and staff sign in with authenticator codes of the real time.
/// </summary>
public abstract class CounterAuditAtomicityTests<TFactory>(TFactory factory) : AuditAtomicityProbe<TFactory>(factory), IClassFixture<TFactory>
    where TFactory : PortalFactory, IFaultyPortal
{
    [Fact]
    public async Task A_counter_phone_change_whose_audit_row_fails_keeps_the_old_phone_and_the_request_waiting()
    {
        var (citizen, _) = await Portal.RegisteredCitizenAsync();
        var id = await AccountIdAsync(citizen.IdNumber);
        var (_, clerk) = await Portal.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await Portal.SignedInStaffAsync(StaffRole.Supervisor);
        var newPhone = Citizen.NewPhone();
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={id}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = newPhone,
        })).Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());

        await BothOrNeitherAsync(
            AuditAction.ChangeApplied,
            id,
            async () => await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>()),
            () => Portal.QueryAsync(db => db.Users.AnyAsync(u => u.Id == id && u.PhoneNumber == newPhone)));
    }

    [Fact]
    public async Task An_administrator_set_at_the_counter_whose_audit_row_fails_leaves_no_authorisation_and_the_request_waiting()
    {
        var (organisation, _) = await Portal.RegisteredOrganisationAsync();
        var (citizen, _) = await Portal.RegisteredCitizenAsync();
        var previous = await Portal.AuthorisedAgentAsync(organisation, (await Portal.RegisteredCitizenAsync()).Citizen, AgentRole.Administrator);
        var organisationId = await Portal.OrganisationIdAsync(organisation);
        var (_, clerk) = await Portal.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await Portal.SignedInStaffAsync(StaffRole.Supervisor);
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={organisationId}&kind=OrganisationAdministrator", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["AgentName"] = citizen.Name,
            ["AgentIdNumber"] = citizen.IdNumber,
            ["LetterDate"] = ChinaTime.Today(Portal.Clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        })).Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());

        // Neither the new administrator nor the withdrawal of the previous one outlives a failed audit row.
        await BothOrNeitherAsync(
            AuditAction.AgentGranted,
            organisationId,
            async () => await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>()),
            () => Portal.QueryAsync(async db =>
                await db.AgentAuthorizations.AnyAsync(a => a.OrganisationAccountId == organisationId && a.CounterRequestId != null)
                | await db.AgentAuthorizations.AnyAsync(a => a.Id == previous && a.Status == AgentAuthorizationStatus.Withdrawn)));
    }
}

public sealed class CounterAuditAtomicityTestsOnSqlite(FaultySqlitePortalFactory factory) : CounterAuditAtomicityTests<FaultySqlitePortalFactory>(factory);

public sealed class CounterAuditAtomicityTestsOnPostgreSql(FaultyPostgreSqlPortalFactory factory) : CounterAuditAtomicityTests<FaultyPostgreSqlPortalFactory>(factory);
