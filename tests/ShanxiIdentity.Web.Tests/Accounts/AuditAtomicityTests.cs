using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The probe of the atomicity tests: an act with its audit row's insert failing, then without.</summary>
public abstract class AuditAtomicityProbe<TFactory>(TFactory factory)
    where TFactory : PortalFactory, IFaultyPortal
{
    protected TFactory Portal => factory;

    /// <summary>
    /// The act with the insert of its audit row failing: neither the change nor the row remains.
    /// The act again without the fault: both.
    /// </summary>
    protected async Task BothOrNeitherAsync(string action, Guid? subject, Func<Task> act, Func<Task<bool>> changed)
    {
        var rowsBefore = await AuditRowsAsync(action, subject);
        Portal.Faults.FailAuditRow(action);
        try
        {
            await act();
        }
        catch (Exception ex) when (ex is InjectedFaultException || ex.InnerException is InjectedFaultException)
        {
            // A service called directly passes the fault on; a page answers with its error page.
        }
        finally
        {
            Portal.Faults.Disarm();
        }

        Assert.True(Portal.Faults.Fired, $"The audit row of {action} was never written.");
        Assert.False(await changed(), $"{action}: the change committed without its audit row.");
        Assert.Equal(rowsBefore, await AuditRowsAsync(action, subject));

        await act();
        Assert.True(await changed(), $"{action}: the change did not commit without a fault.");
        Assert.Equal(rowsBefore + 1, await AuditRowsAsync(action, subject));
    }

    private Task<int> AuditRowsAsync(string action, Guid? subject) =>
        Portal.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && (subject == null || e.SubjectAccountId == subject)));

    protected Task<Guid> AccountIdAsync(string idNumber) =>
        Portal.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == idNumber).Select(p => p.AccountId).SingleAsync());

    protected Task<string?> PasswordHashAsync(Guid id) =>
        Portal.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());

    protected async Task InScopeAsync<TService>(Func<TService, Task> act)
        where TService : notnull
    {
        await using var scope = Portal.CreateScope();
        await act(scope.ServiceProvider.GetRequiredService<TService>());
    }

    protected async Task<T> InScopeAsync<TService, T>(Func<TService, Task<T>> read)
        where TService : notnull
    {
        await using var scope = Portal.CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<TService>());
    }
}

/// <summary>
/// Every change commits with its audit row or not at all: the insert of the row fails after the
/// change is staged (and, through Identity or OpenIddict, already sent to the server in the same
/// transaction), and afterwards neither the change nor the row is there. The same act without the
/// fault then leaves both.
/// </summary>
public abstract class AuditAtomicityTests<TFactory>(TFactory factory) : AuditAtomicityProbe<TFactory>(factory), IClassFixture<TFactory>
    where TFactory : PortalFactory, IFaultyPortal
{
    private static string NewPassword() => "Xin#" + Guid.NewGuid().ToString("N")[..12];

    [Fact]
    public async Task A_password_change_whose_audit_row_fails_keeps_the_old_password()
    {
        var (citizen, session) = await Portal.RegisteredCitizenAsync();
        var id = await AccountIdAsync(citizen.IdNumber);
        var before = await PasswordHashAsync(id);
        var password = NewPassword();
        await BothOrNeitherAsync(
            AuditAction.PasswordChanged,
            id,
            async () => await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>
            {
                ["ChangePassword.CurrentPassword"] = citizen.Password,
                ["ChangePassword.Password"] = password,
                ["ChangePassword.ConfirmPassword"] = password,
            }),
            async () => await PasswordHashAsync(id) != before);
    }

    [Fact]
    public async Task A_password_reset_whose_audit_row_fails_keeps_the_old_password()
    {
        var (citizen, _) = await Portal.RegisteredCitizenAsync();
        var id = await AccountIdAsync(citizen.IdNumber);
        var before = await PasswordHashAsync(id);
        await BothOrNeitherAsync(
            AuditAction.PasswordReset,
            id,
            async () =>
            {
                Portal.Clock.Advance(TimeSpan.FromSeconds(61)); // the phone's resend interval
                await Portal.NewSession().ResetPasswordAsync(citizen.IdNumber, () => Portal.LatestSmsCodeAsync(citizen.Phone), NewPassword());
            },
            async () => await PasswordHashAsync(id) != before);
    }

    [Fact]
    public async Task A_registration_whose_audit_row_fails_leaves_no_account()
    {
        var citizen = Citizen.New();
        await Portal.AddResidentAsync(citizen);
        await BothOrNeitherAsync(
            AuditAction.PersonRegistered,
            subject: null,
            async () =>
            {
                Portal.Clock.Advance(TimeSpan.FromSeconds(61));
                await Portal.RegisterAsync(Portal.NewSession(), citizen);
            },
            () => Portal.QueryAsync(db => db.PersonProfiles.AnyAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
    }

    [Fact]
    public async Task An_online_phone_change_whose_audit_row_fails_keeps_the_old_phone()
    {
        var (citizen, session) = await Portal.RegisteredCitizenAsync();
        var id = await AccountIdAsync(citizen.IdNumber);
        await BothOrNeitherAsync(
            AuditAction.PhoneChanged,
            id,
            async () =>
            {
                Portal.Clock.Advance(TimeSpan.FromSeconds(61));
                var page = await session.GetPageAsync("/my");
                var newPhone = Citizen.NewPhone();
                Assert.True((await session.SendSmsAsync(page, "/my/phone", "/my/phone/sms-old", new Dictionary<string, string?>())).Sent);
                var oldCode = await Portal.LatestSmsCodeAsync(citizen.Phone);
                var fields = new Dictionary<string, string?> { ["ChangePhone.OldPhoneCode"] = oldCode, ["ChangePhone.NewPhone"] = newPhone };
                Assert.True((await session.SendSmsAsync(page, "/my/phone", "/my/phone/sms-new", fields)).Sent);
                fields["ChangePhone.NewPhoneCode"] = await Portal.LatestSmsCodeAsync(newPhone);
                fields["ChangePhone.CurrentPassword"] = citizen.Password;
                await session.SubmitAsync(page, "/my/phone", fields);
            },
            () => Portal.QueryAsync(db => db.ReservedPhoneChanges.AnyAsync(c => c.AccountId == id && c.Channel == PhoneChangeChannel.Online)));
    }

    [Fact]
    public async Task A_staff_creation_whose_audit_row_fails_leaves_no_staff_account()
    {
        var loginName = StaffJourney.NewLoginName();
        await BothOrNeitherAsync(
            AuditAction.StaffCreated,
            subject: null,
            () => InScopeAsync<StaffDirectory>(staff => staff.CreateAsync(loginName, "王晓明", [StaffRole.Clerk], createdBy: null)),
            () => Portal.QueryAsync(db => db.Users.AnyAsync(u => u.UserName == loginName)));
    }

    [Fact]
    public async Task A_role_change_whose_audit_row_fails_keeps_the_old_roles()
    {
        var (loginName, _) = await Portal.CreateStaffAsync(StaffRole.Clerk, StaffRole.Administrator);
        var id = await Portal.QueryAsync(db => db.Users.Where(u => u.UserName == loginName).Select(u => u.Id).SingleAsync());
        await BothOrNeitherAsync(
            AuditAction.StaffRolesChanged,
            id,
            () => InScopeAsync<StaffDirectory>(staff => staff.SetRolesAsync(id, [StaffRole.Administrator, StaffRole.Supervisor], id)),
            () => Portal.QueryAsync(db => db.UserRoles.AnyAsync(r => r.UserId == id && db.Roles.Any(role => role.Id == r.RoleId && role.Name == StaffRole.Supervisor))));
    }

    [Fact]
    public async Task A_staff_reset_whose_audit_row_fails_keeps_the_password()
    {
        var (loginName, _) = await Portal.CreateStaffAsync(StaffRole.Clerk);
        var id = await Portal.QueryAsync(db => db.Users.Where(u => u.UserName == loginName).Select(u => u.Id).SingleAsync());
        var before = await PasswordHashAsync(id);
        await BothOrNeitherAsync(
            AuditAction.StaffReset,
            id,
            () => InScopeAsync<StaffDirectory>(staff => staff.ResetAsync(id, id)),
            async () => await PasswordHashAsync(id) != before);
    }

    [Fact]
    public async Task A_client_registration_whose_audit_row_fails_leaves_no_client()
    {
        var clientId = "atomic" + Random.Shared.Next(100_000, 999_999);
        await BothOrNeitherAsync(
            AuditAction.ClientRegistered,
            subject: null,
            () => InScopeAsync<ClientRegistry>(clients => clients.RegisterAsync(clientId, confidential: true, Settings("原子系统"), actor: null, CancellationToken.None)),
            () => InScopeAsync<ClientRegistry, bool>(async clients => await clients.FindAsync(clientId, CancellationToken.None) is not null));
    }

    [Fact]
    public async Task A_client_edit_whose_audit_row_fails_keeps_the_old_settings()
    {
        var clientId = "atomic" + Random.Shared.Next(100_000, 999_999);
        await InScopeAsync<ClientRegistry>(clients => clients.RegisterAsync(clientId, confidential: true, Settings("原子系统"), actor: null, CancellationToken.None));
        await BothOrNeitherAsync(
            AuditAction.ClientChanged,
            subject: null,
            () => InScopeAsync<ClientRegistry>(clients => clients.UpdateAsync(clientId, Settings("改名系统"), actor: null, CancellationToken.None)),
            () => InScopeAsync<ClientRegistry, bool>(async clients => (await clients.FindAsync(clientId, CancellationToken.None))!.Settings.Name == "改名系统"));
    }

    [Fact]
    public async Task A_secret_renewal_whose_audit_row_fails_keeps_the_old_secret()
    {
        var clientId = "atomic" + Random.Shared.Next(100_000, 999_999);
        var issued = await InScopeAsync<ClientRegistry, ClientSecretIssued?>(clients => clients.RegisterAsync(clientId, confidential: true, Settings("原子系统"), actor: null, CancellationToken.None));
        await BothOrNeitherAsync(
            AuditAction.ClientSecretRenewed,
            subject: null,
            () => InScopeAsync<ClientRegistry>(clients => clients.RenewSecretAsync(clientId, actor: null, CancellationToken.None)),
            () => InScopeAsync<OpenIddict.Abstractions.IOpenIddictApplicationManager, bool>(async applications =>
                !await applications.ValidateClientSecretAsync((await applications.FindByClientIdAsync(clientId))!, issued!.Secret!)));
    }

    [Fact]
    public async Task A_client_removal_whose_audit_row_fails_keeps_the_client()
    {
        var clientId = "atomic" + Random.Shared.Next(100_000, 999_999);
        await InScopeAsync<ClientRegistry>(clients => clients.RegisterAsync(clientId, confidential: false, Settings("原子系统"), actor: null, CancellationToken.None));
        await BothOrNeitherAsync(
            AuditAction.ClientRemoved,
            subject: null,
            () => InScopeAsync<ClientRegistry>(clients => clients.RemoveAsync(clientId, actor: null, CancellationToken.None)),
            () => InScopeAsync<ClientRegistry, bool>(async clients => await clients.FindAsync(clientId, CancellationToken.None) is null));
    }

    [Fact]
    public async Task Signing_out_other_devices_whose_audit_row_fails_keeps_them_signed_in()
    {
        var (citizen, session) = await Portal.RegisteredCitizenAsync();
        var id = await AccountIdAsync(citizen.IdNumber);
        var stamp = await Portal.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync());
        await BothOrNeitherAsync(
            AuditAction.OtherSessionsSignedOut,
            id,
            // The offer shows after a phone change; the antiforgery token of any form of the page will do.
            async () => await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", new Dictionary<string, string?>(), postTo: "/my/sign-out-others"),
            async () => await Portal.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.SecurityStamp).SingleAsync()) != stamp);
    }

    private static ClientSettings Settings(string name) =>
        new(name, ["https://client.example.gov.cn/signin-oidc"], [], ["openid", "profile"], FullPhone: false);
}

public sealed class AuditAtomicityTestsOnSqlite(FaultySqlitePortalFactory factory) : AuditAtomicityTests<FaultySqlitePortalFactory>(factory);

public sealed class AuditAtomicityTestsOnPostgreSql(FaultyPostgreSqlPortalFactory factory) : AuditAtomicityTests<FaultyPostgreSqlPortalFactory>(factory);

/// <summary>
/// A transient fault (which PostgreSQL's execution strategy retries) after the change was sent: the
/// change is not run again over a tracker that takes the rolled-back statements for written ones, so
/// neither the change nor its row remains, and the holder can simply try again (review of #20).
/// </summary>
public sealed class TransientAuditFaultTestsOnPostgreSql(FaultyPostgreSqlPortalFactory factory) : IClassFixture<FaultyPostgreSqlPortalFactory>
{
    [Fact]
    public async Task A_transient_fault_at_a_password_change_s_audit_row_leaves_neither_and_is_not_retried()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == citizen.IdNumber).Select(p => p.AccountId).SingleAsync());
        var before = await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync());
        var password = "Xin#" + Guid.NewGuid().ToString("N")[..12];
        var fields = new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = citizen.Password,
            ["ChangePassword.Password"] = password,
            ["ChangePassword.ConfirmPassword"] = password,
        };

        factory.Faults.FailAuditRow(AuditAction.PasswordChanged, transient: true);
        var faulted = await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", fields);
        factory.Faults.Disarm();

        Assert.True(factory.Faults.Fired);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, faulted.Status); // the outage page: try again later
        Assert.Equal(before, await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.PasswordChanged && e.SubjectAccountId == id)));

        var again = await session.SubmitAsync(await session.GetPageAsync("/my"), "/my/password", fields);
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.NotEqual(before, await factory.QueryAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash).SingleAsync()));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.PasswordChanged && e.SubjectAccountId == id)));
    }
}
