using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Closing;

/// <summary>
/// 注销账号 at the counter on the holder's written request: four eyes, the 信息修改 materials, the same cooling-off; and what an
/// organisation must end first. No test here moves the clock: staff codes follow the real one.
/// </summary>
public abstract class CounterClosingTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_clerk_opens_a_closing_a_supervisor_approves_it_and_the_cooling_off_starts_with_an_sms()
    {
        var (citizen, holder) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (supervisorMember, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var accountUrl = await clerk.FindAccountAsync(citizen.IdNumber);
        Assert.NotNull((await clerk.GetPageAsync(accountUrl)).QuerySelector("a[href$='kind=CloseAccount']"));

        var requestUrl = (await OpenAsync(clerk, accountUrl, CounterUserType.Person)).Location!;
        var page = await clerk.GetPageAsync(requestUrl);
        Assert.Equal(
            MaterialsTable.For(CounterUserType.Person, byAgent: false).Items.Select(i => $"{i.Position}. {i.Text}"),
            page.QuerySelectorAll("[data-material] > div:first-child").Select(d => d.TextContent.Trim()));
        await clerk.CompleteMaterialsAsync(requestUrl);
        Assert.Equal(requestUrl, (await clerk.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>())).Location);

        // Four eyes: the clerk may not approve.
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync(requestUrl + "/approve", new Dictionary<string, string?> { ["__RequestVerificationToken"] = CounterDeskSteps.Token(page) })).Status);
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
        Assert.Equal(nameof(CounterRequestStatus.Applied), (await supervisor.GetPageAsync(requestUrl)).QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));

        var id = await factory.PersonIdAsync(citizen);
        var supervisorId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == supervisorMember.LoginName).Select(u => u.Id).SingleAsync());
        var requested = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ClosingRequested));
        Assert.Equal(supervisorId, requested.ActorAccountId);
        Assert.StartsWith(ClosingMessages.ChannelCounter, requested.Detail, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ChangeApplied)));
        await factory.DeliverSmsAsync();
        Assert.StartsWith(SmsMessages.Signature + "您的账号已在政务大厅申请注销", factory.LatestSmsTo(citizen.Phone), StringComparison.Ordinal);

        // The holder's browser was signed out; signed in again, the holder may still cancel.
        Assert.Equal(HttpStatusCode.Redirect, (await holder.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);
        var again = factory.NewSession();
        await again.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Equal("/account/closing", (await again.Client.GetAsync(new Uri("/my", UriKind.Relative))).Headers.Location!.OriginalString);

        // A second closing cannot be opened while this one runs; after the cooling-off the task closes the account.
        Assert.Equal(ClosingMessages.AlreadyRequested, (await OpenAsync(clerk, accountUrl, CounterUserType.Person)).Errors[0]);
        Assert.True(await factory.RunClosingTaskAsync(factory.AfterCoolingOff()) >= 1);

        // The tombstone is nobody's to find or open at the counter.
        Assert.Equal(HttpStatusCode.NotFound, (await clerk.Client.GetAsync(new Uri(accountUrl, UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task An_organisation_s_closing_at_the_counter_waits_while_an_agent_is_authorised()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        await factory.GrantAgentAsync(organisation, Citizen.New());
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var requestUrl = (await OpenAsync(clerk, await clerk.FindAccountAsync(organisation.LoginName), CounterUserType.Enterprise)).Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>());

        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());

        var after = await supervisor.GetPageAsync(requestUrl);
        Assert.StartsWith(ClosingMessages.Blocked, after.QuerySelector(".alert-warning")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Contains("经办人授权", after.QuerySelector(".alert-warning")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(nameof(CounterRequestStatus.Submitted), after.QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));
        var id = await factory.OrganisationIdAsync(organisation);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosingDueAt).SingleAsync()));
    }

    [Fact]
    public async Task An_organisation_with_open_agents_or_counter_requests_is_told_each_one_and_cannot_close()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var agent = Citizen.New();
        await factory.GrantAgentAsync(organisation, agent);
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountUrl = await clerk.FindAccountAsync(organisation.LoginName);
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Enterprise),
            ["NewPhone"] = Citizen.NewPhone(),
        });
        Assert.StartsWith("/counter/requests/", opened.Location, StringComparison.Ordinal);

        var page = await session.GetPageAsync(ClosingSteps.PageUrl);
        var listed = page.QuerySelectorAll("[data-closing-blocker]").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(2, listed.Count);
        Assert.Contains(listed, b => b.Contains("“修改预留手机号”申请", StringComparison.Ordinal) && b.Contains(ClosingMessages.OpenCounterRequestWhere, StringComparison.Ordinal));
        Assert.Contains(listed, b => b.Contains("经办人授权（待接受", StringComparison.Ordinal) && b.Contains("经办人管理", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("[data-closing-blockers] a[href='/my/agents']"));
        Assert.Null(page.QuerySelector("[data-closing-form]"));

        // Posted anyway (an old page, a script): refused, nothing started.
        var posted = await session.PostAsync(ClosingSteps.PageUrl, new Dictionary<string, string?>
        {
            ["__RequestVerificationToken"] = CounterDeskSteps.Token(page),
            ["Form.CurrentPassword"] = organisation.Password,
            ["Form.SmsCode"] = "123456",
        });
        Assert.Contains(ClosingMessages.Blocked, posted.Body, StringComparison.Ordinal);
        var id = await factory.OrganisationIdAsync(organisation);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosingDueAt).SingleAsync()));
    }

    private static Task<PortalSession.Submitted> OpenAsync(PortalSession clerk, string accountUrl, CounterUserType userType) =>
        clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=CloseAccount", new Dictionary<string, string?>
        {
            ["UserType"] = userType.ToString(),
        });
}

public sealed class CounterClosingTestsOnSqlite(SqlitePortalFactory factory) : CounterClosingTests<SqlitePortalFactory>(factory);

public sealed class CounterClosingTestsOnPostgreSql(PostgreSqlPortalFactory factory) : CounterClosingTests<PostgreSqlPortalFactory>(factory);
