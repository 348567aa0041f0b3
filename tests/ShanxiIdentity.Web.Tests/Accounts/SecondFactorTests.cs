using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 两步验证 for people (issue #22): turned on with the password and a code, asked for after the
/// password, SMS codes, recovery codes once, wrong codes lock, the ticket once, TOTP codes once,
/// turned off with the password and a code, each change audited and announced by SMS.
/// </summary>
public abstract class SecondFactorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string SetupUrl = SecondFactorSteps.SetupUrl;
    private const string CodeUrl = SecondFactorSteps.CodeUrl;

    [Fact]
    public async Task With_an_authenticator_the_password_alone_does_not_sign_in_and_the_code_does()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);
        await factory.DeliverSmsAsync();
        Assert.Contains(SecondFactorMessages.NoticeEnabledApp, factory.LatestSmsTo(citizen.Phone), StringComparison.Ordinal);

        var other = factory.NewSession();
        var step = await other.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Null(step.Location);
        Assert.NotNull(step.Page.QuerySelector($"form[action='{CodeUrl}']"));
        Assert.Contains(CitizenJourney.LoginUrl, await GetAsync(other, "/my"), StringComparison.Ordinal);

        var signedIn = await other.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) });
        Assert.Equal("/my", signedIn.Location);
        await other.GetPageAsync("/my");

        // The session carries mfa: a step-up asks nothing more.
        Assert.Equal("/my", await GetAsync(other, CodeUrl + "?returnUrl=%2Fmy"));
        Assert.Equal(1, await AuditCountAsync(citizen, AuditAction.SecondFactorEnabled));

        // A browser the account never signed in with: the holder is told (登录记录's notice), after the code, not the password.
        await factory.DeliverSmsAsync();
        Assert.Contains("新的浏览器", factory.LatestSmsTo(citizen.Phone), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_authenticator_code_accepted_once_is_refused_the_second_time()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);
        var code = NextCode(key);
        var first = factory.NewSession();
        var step = await first.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Equal("/my", (await first.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = code })).Location);

        var second = factory.NewSession();
        var again = await second.LogInAsync(citizen.IdNumber, citizen.Password);
        var replay = await second.SubmitAsync(again.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = code });

        Assert.Null(replay.Location);
        Assert.Equal(SecondFactorMessages.CodeUsed, replay.FieldError("Code"));
    }

    [Fact]
    public async Task The_ticket_runs_out_five_minutes_after_the_password_by_the_portal_s_clock()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);

        var late = factory.NewSession();
        var lateStep = await late.LogInAsync(citizen.IdNumber, citizen.Password);
        factory.Clock.Advance(SecondFactorTicket.Lifetime);
        var refused = await late.SubmitAsync(lateStep.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) });
        Assert.StartsWith(CitizenJourney.LoginUrl, refused.Location, StringComparison.Ordinal);
        Assert.Contains(CitizenJourney.LoginUrl, await GetAsync(late, "/my"), StringComparison.Ordinal);

        // Within the five minutes the same steps sign in.
        var inTime = factory.NewSession();
        var step = await inTime.LogInAsync(citizen.IdNumber, citizen.Password);
        factory.Clock.Advance(SecondFactorTicket.Lifetime - TimeSpan.FromSeconds(AuthenticatorStep * 2));
        Assert.Equal("/my", (await inTime.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) })).Location);
    }

    [Fact]
    public async Task The_authenticator_key_and_the_recovery_codes_are_not_stored_in_clear_and_clear_rows_from_before_still_work()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, recoveryCodes) = await EnableAuthenticatorAsync(citizen, session);
        var id = (await AccountAsync(citizen)).Id;
        var rows = await factory.QueryAsync(db => db.UserTokens.Where(t => t.UserId == id).ToListAsync());
        Assert.Contains(rows, t => t.Name == "AuthenticatorKey");
        Assert.Contains(rows, t => t.Name == "RecoveryCodes");
        Assert.All(rows.Select(t => t.Value ?? string.Empty), value =>
        {
            Assert.DoesNotContain(key, value, StringComparison.OrdinalIgnoreCase);
            Assert.All(recoveryCodes, code => Assert.DoesNotContain(code, value, StringComparison.OrdinalIgnoreCase));
        });

        // Rows written in clear before the store sealed them: the key still gives codes, a clear recovery code still signs in once.
        await factory.QueryAsync(db => db.UserTokens.Where(t => t.UserId == id && t.Name == "AuthenticatorKey").ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, key)));
        await factory.QueryAsync(db => db.UserTokens.Where(t => t.UserId == id && t.Name == "RecoveryCodes").ExecuteUpdateAsync(set => set.SetProperty(t => t.Value, string.Join(';', recoveryCodes))));
        var byCode = factory.NewSession();
        var step = await byCode.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Equal("/my", (await byCode.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) })).Location);
        var byRecovery = factory.NewSession();
        step = await byRecovery.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Equal("/my", (await byRecovery.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCodes[1], ["Recovery"] = "true" })).Location);
        var again = factory.NewSession();
        step = await again.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Null((await again.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCodes[1], ["Recovery"] = "true" })).Location);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (_, recoveryCodes) = await EnableAuthenticatorAsync(citizen, session);
        Assert.Equal(10, recoveryCodes.Count);

        var first = factory.NewSession();
        var step = await first.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Equal("/my", (await first.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCodes[0], ["Recovery"] = "true" })).Location);

        var second = factory.NewSession();
        var again = await second.LogInAsync(citizen.IdNumber, citizen.Password);
        var reused = await second.SubmitAsync(again.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCodes[0], ["Recovery"] = "true" });
        Assert.Equal(SecondFactorMessages.RecoveryCodeWrong, reused.FieldError("Code"));
    }

    [Fact]
    public async Task Five_wrong_codes_lock_the_account_like_passwords()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);
        var attacker = factory.NewSession();
        var step = await attacker.LogInAsync(citizen.IdNumber, citizen.Password);
        var wrong = WrongCode(key);
        PortalSession.Submitted answer = step;
        for (var i = 0; i < 5; i++)
        {
            answer = await attacker.SubmitAsync(answer.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = wrong });
            Assert.Null(answer.Location);
        }

        Assert.StartsWith("密码错误次数过多", answer.FieldError("Code"), StringComparison.Ordinal);
        var right = await attacker.SubmitAsync(answer.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) });
        Assert.Null(right.Location);
        Assert.StartsWith("密码错误次数过多", right.FieldError("Code"), StringComparison.Ordinal);
        Assert.NotNull((await AccountAsync(citizen)).LockoutEnd);
    }

    [Fact]
    public async Task The_ticket_completes_one_sign_in_and_opens_no_other_account()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);
        var (other, otherSession) = await factory.RegisteredCitizenAsync();
        var (otherKey, _) = await EnableAuthenticatorAsync(other, otherSession);

        var visitor = factory.NewSession();
        var step = await visitor.LogInAsync(citizen.IdNumber, citizen.Password);

        // The other account's right code does not open this ticket's account, nor the other.
        var crossed = await visitor.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(otherKey) });
        Assert.Equal(SecondFactorMessages.CodeWrong, crossed.FieldError("Code"));

        Assert.Equal("/my", (await visitor.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) })).Location);
        // The same ticket again, from another browser (its own antiforgery token): back to the password.
        var ticket = step.Page.QuerySelector("input[name=Ticket]")!.GetAttribute("value");
        var replayer = factory.NewSession();
        var token = (await replayer.GetPageAsync(CitizenJourney.LoginUrl)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        var reused = await replayer.PostAsync(CodeUrl, new Dictionary<string, string?> { ["__RequestVerificationToken"] = token, ["Ticket"] = ticket, ["Code"] = NextCode(key) });
        Assert.StartsWith(CitizenJourney.LoginUrl, reused.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sms_codes_to_the_reserved_phone_as_the_second_factor()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var page = await session.GetPageAsync(SetupUrl);
        var (sent, message) = await session.SendSmsAsync(page, SetupUrl + "/enable", SetupUrl + "/sms", new Dictionary<string, string?>());
        Assert.True(sent, message);
        var enabled = await session.SubmitAsync(page, SetupUrl + "/enable", new Dictionary<string, string?>
        {
            ["Form.Method"] = AuthenticationMethods.Sms,
            ["Form.CurrentPassword"] = citizen.Password,
            ["Form.Code"] = await factory.LatestSmsCodeAsync(citizen.Phone),
        });
        Assert.NotNull(enabled.Page.QuerySelector("[data-recovery-codes]"));

        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var other = factory.NewSession();
        var step = await other.LogInAsync(citizen.IdNumber, citizen.Password);
        (sent, message) = await other.SendSmsAsync(step.Page, CodeUrl, CodeUrl + "/sms", new Dictionary<string, string?>());
        Assert.True(sent, message);
        var signedIn = await other.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = await factory.LatestSmsCodeAsync(citizen.Phone) });
        Assert.Equal("/my", signedIn.Location);
    }

    [Fact]
    public async Task Turning_it_off_needs_the_password_and_a_code_and_is_audited()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (key, _) = await EnableAuthenticatorAsync(citizen, session);
        var page = await session.GetPageAsync(SetupUrl);

        var wrongPassword = await session.SubmitAsync(page, SetupUrl + "/disable", new Dictionary<string, string?> { ["Form.CurrentPassword"] = "Wrong#2026pw", ["Form.Code"] = NextCode(key) });
        Assert.Equal(AccountMessages.CurrentPasswordWrong, wrongPassword.FieldError("Form_CurrentPassword"));
        var wrongCode = await session.SubmitAsync(page, SetupUrl + "/disable", new Dictionary<string, string?> { ["Form.CurrentPassword"] = citizen.Password, ["Form.Code"] = WrongCode(key) });
        Assert.Equal(SecondFactorMessages.CodeWrong, wrongCode.FieldError("Form_Code"));
        Assert.Equal(0, await AuditCountAsync(citizen, AuditAction.SecondFactorDisabled));

        var off = await session.SubmitAsync(page, SetupUrl + "/disable", new Dictionary<string, string?> { ["Form.CurrentPassword"] = citizen.Password, ["Form.Code"] = NextCode(key) });
        Assert.Equal(SetupUrl, off.Location);
        Assert.Equal(1, await AuditCountAsync(citizen, AuditAction.SecondFactorDisabled));
        Assert.False((await AccountAsync(citizen)).TwoFactorEnabled);
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        // The session that turned it off goes on.
        await session.GetPageAsync("/my");
    }

    [Fact]
    public async Task Step_up_sends_a_password_only_account_to_set_up_and_an_mfa_session_on_even_after_a_password_change()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var before = await GetAsync(session, CodeUrl + "?returnUrl=%2Fmy");
        Assert.StartsWith(SetupUrl, before, StringComparison.Ordinal);

        await EnableAuthenticatorAsync(citizen, session);
        Assert.Equal("/my", await GetAsync(session, CodeUrl + "?returnUrl=%2Fmy"));

        // 修改密码 re-issues the cookie: the methods proved stay in it.
        var my = await session.GetPageAsync("/my");
        const string newPassword = "Changed#2026pw";
        var changed = await session.SubmitAsync(my, "/my/password", new Dictionary<string, string?>
        {
            ["ChangePassword.CurrentPassword"] = citizen.Password,
            ["ChangePassword.Password"] = newPassword,
            ["ChangePassword.ConfirmPassword"] = newPassword,
        });
        Assert.Equal("/my", changed.Location);
        Assert.Equal("/my", await GetAsync(session, CodeUrl + "?returnUrl=%2Fmy"));
    }

    private Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnableAuthenticatorAsync(Citizen citizen, PortalSession session) =>
        factory.EnableAuthenticatorAsync(citizen, session);

    private string NextCode(string key) => factory.NextAuthenticatorCode(key);

    /// <summary>A code of the same key far from now: well formed, and wrong.</summary>
    private string WrongCode(string key)
    {
        var far = new OtpNet.Totp(OtpNet.Base32Encoding.ToBytes(key)).ComputeTotp(factory.Clock.GetUtcNow().UtcDateTime.AddHours(1));
        return far == StaffMember.Code(key, factory.Clock) ? "000000" : far;
    }

    private const int AuthenticatorStep = 30;

    private static async Task<string?> GetAsync(PortalSession session, string url)
    {
        using var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative));
        return response.Headers.Location?.ToString();
    }

    private Task<Account> AccountAsync(Citizen citizen) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(a => a.PhoneNumber == citizen.Phone && a.Kind == AccountKind.Person));

    private async Task<int> AuditCountAsync(Citizen citizen, string action)
    {
        var id = (await AccountAsync(citizen)).Id;
        return await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == action && e.SubjectAccountId == id));
    }
}

public sealed class SecondFactorTestsOnSqlite(SqlitePortalFactory factory) : SecondFactorTests<SqlitePortalFactory>(factory);

public sealed class SecondFactorTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SecondFactorTests<PostgreSqlPortalFactory>(factory);
