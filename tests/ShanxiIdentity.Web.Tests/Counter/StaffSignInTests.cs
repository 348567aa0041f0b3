using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Hosting;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>Staff accounts: the first sign-in, the authenticator, the lockout, the idle time and the wall to citizens.</summary>
public abstract class StaffSignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_first_sign_in_binds_an_authenticator_and_replaces_the_one_time_password()
    {
        var (loginName, initialPassword) = await factory.CreateStaffAsync(StaffRole.Clerk);
        var session = factory.NewSession();
        var enrol = await session.SubmitStaffPasswordAsync(loginName, initialPassword);
        Assert.NotNull(enrol.Page.QuerySelector("img[src^='data:image/png;base64,']"));
        var key = StaffJourney.AuthenticatorKey(enrol.Page);

        // Until the authenticator is bound, nothing of the staff area opens.
        using (var before = await session.Client.GetAsync(new Uri("/counter", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode);
        }

        var wrongCode = await session.SubmitAsync(enrol.Page, "/counter/login/enrol", new Dictionary<string, string?>
        {
            ["Password"] = StaffJourney.StaffPassword,
            ["ConfirmPassword"] = StaffJourney.StaffPassword,
            ["Code"] = WrongCode(StaffMember.Code(key)),
        });
        Assert.Equal(CounterMessages.StaffCodeWrong, wrongCode.FieldError("Code"));
        var weak = await session.SubmitAsync(enrol.Page, "/counter/login/enrol", new Dictionary<string, string?>
        {
            ["Password"] = "password",
            ["ConfirmPassword"] = "password",
            ["Code"] = StaffMember.Code(key),
        });
        Assert.Equal(AccountMessages.PasswordTooWeak, weak.FieldError("Password"));

        var enrolled = await session.SubmitAsync(enrol.Page, "/counter/login/enrol", new Dictionary<string, string?>
        {
            ["Password"] = StaffJourney.StaffPassword,
            ["ConfirmPassword"] = StaffJourney.StaffPassword,
            ["Code"] = await StaffMember.UnusedCodeAsync(key),
        });
        Assert.Equal("/counter", enrolled.Location);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter", UriKind.Relative))).StatusCode);

        // The one-time password is spent; the next sign-in asks for the code.
        Assert.Equal(CounterMessages.StaffSignInFailed, (await factory.NewSession().SubmitStaffPasswordAsync(loginName, initialPassword)).FieldError("Password"));
        var member = new StaffMember(loginName, StaffJourney.StaffPassword, key);
        Assert.Equal("/counter", (await factory.NewSession().StaffLogInAsync(member)).Location);
    }

    [Fact]
    public async Task Wrong_authenticator_codes_count_towards_the_lockout_even_after_a_right_password()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        PortalSession.Submitted? last = null;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            last = await factory.NewSession().StaffLogInAsync(member, WrongCode(member.CurrentCode));
        }

        Assert.StartsWith("密码错误次数过多", last!.FieldError("Code"), StringComparison.Ordinal);
        var locked = await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, member.Password);
        // Staff have no 忘记密码, and it was codes that were wrong: the message says neither.
        Assert.StartsWith("错误次数过多，账号已锁定", locked.FieldError("Password"), StringComparison.Ordinal);
        Assert.DoesNotContain("忘记密码", locked.FieldError("Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_staff_session_ends_after_fifteen_idle_minutes_and_slides_while_in_use()
    {
        var (_, session) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        factory.Clock.Advance(TimeSpan.FromMinutes(10));
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter", UriKind.Relative))).StatusCode);
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter", UriKind.Relative))).StatusCode);
            factory.Clock.Advance(CounterPolicy.IdleTimeout + TimeSpan.FromMinutes(1));
            using var idle = await session.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Redirect, idle.StatusCode);
            Assert.StartsWith("/counter/login?returnUrl=", idle.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            factory.Clock.Advance(-(TimeSpan.FromMinutes(20) + CounterPolicy.IdleTimeout + TimeSpan.FromMinutes(1)));
        }
    }

    [Fact]
    public async Task Citizens_and_organisations_never_reach_the_staff_area()
    {
        var (_, citizen) = await factory.RegisteredCitizenAsync();
        var (_, organisation) = await factory.RegisteredOrganisationAsync();
        foreach (var session in new[] { citizen, organisation })
        {
            using var refused = await session.Client.GetAsync(new Uri("/counter", UriKind.Relative));
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Contains("没有访问权限", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Staff_cannot_use_the_public_login_or_my_account()
    {
        var (member, staff) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        Assert.Equal(SeedMessages.AccountDoesNotExist, (await factory.NewSession().LogInAsync(member.LoginName, member.Password)).FieldError("Account"));
        using var my = await staff.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, my.StatusCode);
    }

    [Fact]
    public async Task An_administrator_creates_staff_with_a_password_shown_once()
    {
        var (admin, adminSession) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        var form = await adminSession.GetPageAsync("/counter/staff/new");
        var empty = await adminSession.SubmitAsync(form, "/counter/staff/new", new Dictionary<string, string?>());
        Assert.Contains(SeedMessages.StarredFieldsRequired, empty.Errors);
        Assert.Contains(CounterMessages.RolesRequired, empty.Errors);

        var loginName = StaffJourney.NewLoginName();
        var created = await adminSession.SubmitAsync(form, "/counter/staff/new", new Dictionary<string, string?> { ["LoginName"] = loginName, ["Name"] = "李窗口", ["Roles"] = StaffRole.Clerk });
        var initialPassword = created.Page.QuerySelector("[data-initial-password]")!.TextContent;
        Assert.True(PasswordPolicy.Check(initialPassword).Count == 0, initialPassword);
        Assert.DoesNotContain(initialPassword, (await adminSession.GetPageAsync("/counter/staff")).DocumentElement.OuterHtml, StringComparison.Ordinal);
        var duplicate = await adminSession.SubmitAsync(form, "/counter/staff/new", new Dictionary<string, string?> { ["LoginName"] = loginName, ["Name"] = "李窗口", ["Roles"] = StaffRole.Clerk });
        Assert.Equal(Domain.Accounts.AccountMessages.StaffLoginNameTaken, duplicate.FieldError("LoginName"));

        // The new clerk signs in with the password shown.
        var session = factory.NewSession();
        await session.EnrolAsync(loginName, initialPassword);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative))).StatusCode);

        Assert.Contains(AuditAction.StaffCreated, await ActionsByAsync(admin.LoginName));
    }

    [Fact]
    public async Task A_role_change_ends_the_member_s_session_at_once_and_the_next_one_has_the_new_role()
    {
        var (admin, adminSession) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        var (member, session) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var loginName = member.LoginName;
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative))).StatusCode);

        var staffPage = await adminSession.GetPageAsync("/counter/staff");
        var staffId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == loginName).Select(u => u.Id).SingleAsync());
        var changed = await adminSession.SubmitAsync(staffPage, $"/counter/staff/{staffId}/roles", new Dictionary<string, string?> { ["roles"] = StaffRole.Supervisor });
        Assert.Equal("/counter/staff", changed.Location);
        using (var ended = await session.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        var again = factory.NewSession();
        Assert.Equal("/counter", (await again.StaffLogInAsync(member)).Location);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.Client.GetAsync(new Uri("/counter/requests/new", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await again.Client.GetAsync(new Uri("/counter/requests?status=Submitted", UriKind.Relative))).StatusCode);

        Assert.Contains(AuditAction.StaffRolesChanged, await ActionsByAsync(admin.LoginName));
    }

    [Fact]
    public async Task Resetting_a_member_who_lost_the_phone_ends_the_sessions_and_asks_for_a_new_authenticator()
    {
        var (_, adminSession) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        var (member, memberSession) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var memberId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == member.LoginName).Select(u => u.Id).SingleAsync());

        var reset = await adminSession.SubmitAsync(await adminSession.GetPageAsync("/counter/staff"), $"/counter/staff/{memberId}/reset", new Dictionary<string, string?>());
        var password = reset.Page.QuerySelector("[data-initial-password]")!.TextContent;

        using (var ended = await memberSession.Client.GetAsync(new Uri("/counter", UriKind.Relative)))
        {
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        }

        Assert.Equal(CounterMessages.StaffSignInFailed, (await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, member.Password)).FieldError("Password"));
        var enrol = await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, password);
        var newKey = StaffJourney.AuthenticatorKey(enrol.Page);
        Assert.NotEqual(member.AuthenticatorKey, newKey);
        Assert.Contains(AuditAction.StaffReset, await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == memberId).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task A_staff_member_changes_their_own_password_and_their_other_sessions_end()
    {
        var (member, session) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var elsewhere = factory.NewSession();
        Assert.Equal("/counter", (await elsewhere.StaffLogInAsync(member)).Location);
        var desk = await session.GetPageAsync("/counter");
        Assert.NotNull(desk.QuerySelector("a[href='/counter/password']"));
        var form = await session.GetPageAsync("/counter/password");

        var wrongCurrent = await session.SubmitAsync(form, "/counter/password", new Dictionary<string, string?> { ["CurrentPassword"] = "Wrong#2026pw", ["Password"] = "Counter#2027pw", ["ConfirmPassword"] = "Counter#2027pw" });
        Assert.Equal(AccountMessages.CurrentPasswordWrong, wrongCurrent.FieldError("CurrentPassword"));
        var weak = await session.SubmitAsync(form, "/counter/password", new Dictionary<string, string?> { ["CurrentPassword"] = member.Password, ["Password"] = "password", ["ConfirmPassword"] = "password" });
        Assert.Equal(AccountMessages.PasswordTooWeak, weak.FieldError("Password"));
        var differ = await session.SubmitAsync(form, "/counter/password", new Dictionary<string, string?> { ["CurrentPassword"] = member.Password, ["Password"] = "Counter#2027pw", ["ConfirmPassword"] = "Counter#2028pw" });
        Assert.Equal(AccountMessages.PasswordsDiffer, differ.FieldError("ConfirmPassword"));

        var changed = await session.SubmitAsync(form, "/counter/password", new Dictionary<string, string?> { ["CurrentPassword"] = member.Password, ["Password"] = "Counter#2027pw", ["ConfirmPassword"] = "Counter#2027pw" });

        Assert.Equal("/counter", changed.Location);
        Assert.Contains(CounterMessages.StaffPasswordChanged, (await session.GetPageAsync("/counter")).Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.Client.GetAsync(new Uri("/counter/accounts", UriKind.Relative))).StatusCode);
        Assert.Equal(CounterMessages.StaffSignInFailed, (await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, member.Password)).FieldError("Password"));
        Assert.Equal("/counter", (await factory.NewSession().StaffLogInAsync(member with { Password = "Counter#2027pw" })).Location);
        var memberId = await factory.QueryAsync(db => db.Users.Where(u => u.UserName == member.LoginName).Select(u => u.Id).SingleAsync());
        Assert.Contains(AuditAction.PasswordChanged, await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == memberId && e.ActorAccountId == memberId).Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task Create_admin_makes_the_first_administrator_with_a_one_time_password_and_no_default()
    {
        var process = await PortalProcess.RunCommandAsync(factory, "create-admin", "firstadmin", "赵管理");
        Assert.Equal(0, process.ExitCode);
        var password = process.Output.Split('\n').Single(l => l.Contains("one-time password:", StringComparison.Ordinal)).Split(": ")[^1].Trim();
        Assert.Equal(16, password.Length);

        var enrol = await factory.NewSession().SubmitStaffPasswordAsync("firstadmin", password);
        Assert.NotNull(enrol.Page.QuerySelector("form[action='/counter/login/enrol']"));

        var again = await PortalProcess.RunCommandAsync(factory, "create-admin", "firstadmin", "赵管理");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains(Domain.Accounts.AccountMessages.StaffLoginNameTaken, again.Error, StringComparison.Ordinal);
    }

    private Task<List<string>> ActionsByAsync(string loginName) =>
        factory.QueryAsync(db => db.AuditEntries.Where(e => e.ActorAccountId == AdminId(db, loginName)).Select(e => e.Action).ToListAsync());

    private static Guid AdminId(ShanxiIdentity.Data.PortalDbContext db, string loginName) => db.Users.Single(u => u.UserName == loginName).Id;

    /// <summary>A code that is certainly not the current one (nor its neighbours' in most cases).</summary>
    private static string WrongCode(string right) => right == "000000" ? "111111" : "000000";
}

public sealed class StaffSignInTestsOnSqlite(SqlitePortalFactory factory) : StaffSignInTests<SqlitePortalFactory>(factory);

public sealed class StaffSignInTestsOnPostgreSql(PostgreSqlPortalFactory factory) : StaffSignInTests<PostgreSqlPortalFactory>(factory);
