using Microsoft.Extensions.DependencyInjection;
using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Accounts.SmsLoginJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 短信验证码登录 through the real forms (#22). Two instances need nothing of their own here: the
/// codes, throttles and outbox are the SMS tables every instance shares (TwoInstanceTests, RaceTests).
/// </summary>
public abstract class SmsLoginTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_person_signs_in_by_sms_and_the_session_carries_amr_sms_and_an_audit_row()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl);

        var (sent, message) = await SendAsync(session, page, citizen.Phone);
        Assert.True(sent, message);
        Assert.Equal(AccountMessages.SmsSent(SensitiveText.MaskPhone(citizen.Phone)), message);
        var signedIn = await SubmitAsync(session, citizen.Phone, await factory.LatestSmsCodeAsync(citizen.Phone));

        Assert.Equal("/my", signedIn.Location);
        Assert.Equal(AuthenticationMethods.Sms, await AmrAsync(session));
        var accountId = await factory.QueryAsync(db => db.Users.Where(a => a.Person!.ResidentIdNumber == citizen.IdNumber).Select(a => a.Id).SingleAsync());
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.SignedIn && e.Detail == SmsSignIn.AuditDetail)));
    }

    [Fact]
    public async Task An_account_with_a_second_factor_is_sent_to_the_password_login_and_not_signed_in()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        await using (var scope = factory.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<ShanxiIdentity.Data.Entities.Account>>();
            var account = await users.FindByIdAsync((await factory.PersonIdAsync(citizen)).ToString());
            Assert.True((await users.SetTwoFactorEnabledAsync(account!, true)).Succeeded);
        }

        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone

        var session = factory.NewSession();
        var (sent, message) = await SendAsync(session, await session.GetPageAsync(SmsUrl), citizen.Phone);
        Assert.True(sent, message);
        var refused = await SubmitAsync(session, citizen.Phone, await factory.LatestSmsCodeAsync(citizen.Phone));

        Assert.Null(refused.Location);
        Assert.Contains(SecondFactorMessages.UsePasswordLogin, refused.Body, StringComparison.Ordinal);
        using var my = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, my.StatusCode);
    }

    [Fact]
    public async Task An_organisation_signs_in_by_sms_on_the_legal_tab()
    {
        var (organisation, _) = await factory.RegisteredOrganisationAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl + "?kind=legal");

        var (sent, message) = await SendAsync(session, page, organisation.Phone);
        Assert.True(sent, message);
        var signedIn = await SubmitAsync(session, organisation.Phone, await factory.LatestSmsCodeAsync(organisation.Phone), legal: true);

        Assert.Equal("/my", signedIn.Location);
        Assert.Equal(AuthenticationMethods.Sms, await AmrAsync(session));
    }

    [Fact]
    public async Task A_phone_with_no_account_of_the_kind_or_shared_by_two_gets_the_same_answers_and_no_sms()
    {
        var (holder, _) = await factory.RegisteredCitizenAsync();
        var (first, _) = await factory.RegisteredCitizenAsync();
        var second = Citizen.New() with { Phone = first.Phone };
        await factory.AddResidentAsync(second);
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        Assert.Equal("/my", (await factory.RegisterAsync(factory.NewSession(), second)).Location);
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var unknown = Citizen.NewPhone();

        // The holder's own phone on the person tab; the others: unknown, shared by two people, a person's phone on the legal tab.
        var answers = new List<(string Phone, bool Sent, string Message, string? Again, string? Wrong)>();
        var failuresBefore = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SignInFailed && e.Detail == SmsSignIn.AuditDetail));
        foreach (var (phone, legal) in new[] { (holder.Phone, false), (unknown, false), (first.Phone, false), (holder.Phone, true) })
        {
            var outboxBefore = await OutboxCountAsync(phone);
            var session = factory.NewSession();
            var page = await session.GetPageAsync(legal ? SmsUrl + "?kind=legal" : SmsUrl);
            var (sent, message) = await SendAsync(session, page, phone);
            var again = await SendAsync(session, page, phone);
            var wrong = await SubmitAsync(session, phone, "000000", legal);
            answers.Add((phone, sent, message, again.Message, wrong.FieldError("SmsCode")));
            Assert.Equal(phone == holder.Phone && !legal ? outboxBefore + 1 : outboxBefore, await OutboxCountAsync(phone));
            factory.Clock.Advance(SmsCodeService.ResendInterval);
        }

        Assert.All(answers, a =>
        {
            Assert.True(a.Sent);
            Assert.Equal(AccountMessages.SmsSent(SensitiveText.MaskPhone(a.Phone)), a.Message);
            Assert.Equal(answers[0].Again, a.Again);
            Assert.Equal(AccountMessages.SmsCodeWrong, a.Wrong);
        });
        Assert.StartsWith("短信验证码发送过于频繁", answers[0].Again, StringComparison.Ordinal);
        await factory.DeliverSmsAsync();
        Assert.Null(factory.LatestSmsTo(unknown));

        // Each wrong code wrote one failure row, the decoys' (naming no account) as the holder's: the same work for both.
        var failures = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.SignInFailed && e.Detail == SmsSignIn.AuditDetail).Select(e => e.SubjectAccountId).ToListAsync());
        Assert.Equal(failuresBefore + answers.Count, failures.Count);
        Assert.Equal(answers.Count - 1, failures.Count(subject => subject is null));
    }

    [Fact]
    public async Task Five_wrong_codes_burn_the_code_and_lock_the_account_as_wrong_passwords_do()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl);
        Assert.True((await SendAsync(session, page, citizen.Phone)).Sent);
        var code = await factory.LatestSmsCodeAsync(citizen.Phone);
        var wrongCode = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < SmsCodeService.MaxWrongTries; i++)
        {
            Assert.Equal(AccountMessages.SmsCodeWrong, (await SubmitAsync(session, citizen.Phone, wrongCode)).FieldError("SmsCode"));
        }

        var burnt = await SubmitAsync(session, citizen.Phone, code);
        Assert.Equal(AccountMessages.SmsCodeExpired, burnt.FieldError("SmsCode"));
        var account = await factory.QueryAsync(db => db.Users.SingleAsync(a => a.Person!.ResidentIdNumber == citizen.IdNumber));
        Assert.True(account.LockoutEnd > factory.Clock.GetUtcNow());
        Assert.Equal(4, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == account.Id && e.Action == AuditAction.SignInFailed && e.Detail == SmsSignIn.AuditDetail)));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == account.Id && e.Action == AuditAction.LockedOut && e.Detail == SmsSignIn.AuditDetail)));

        // One count: the password login now finds the account locked too.
        Assert.StartsWith("密码错误次数过多", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).FieldError("Password"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_locked_account_is_refused_after_a_right_code_and_only_then_told_so()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var passwords = factory.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await passwords.LogInAsync(citizen.IdNumber, "Wrong#pass1");
        }

        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl);
        Assert.True((await SendAsync(session, page, citizen.Phone)).Sent);
        var code = await factory.LatestSmsCodeAsync(citizen.Phone);
        var wrong = await SubmitAsync(session, citizen.Phone, code == "000000" ? "111111" : "000000");
        var refused = await SubmitAsync(session, citizen.Phone, code);

        // A wrong code gets the code's answer: the lock is told only to whoever has the right one.
        Assert.Equal(AccountMessages.SmsCodeWrong, wrong.FieldError("SmsCode"));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Matches(@"^登录失败次数过多，账号已锁定，请于\d{4}-\d{2}-\d{2} \d{2}:\d{2}后再试$", refused.FieldError("Phone"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);

        // The right code was spent on the refusal: it opens nothing afterwards either.
        Assert.Equal(AccountMessages.SmsCodeExpired, (await SubmitAsync(session, citizen.Phone, code)).FieldError("SmsCode"));
    }

    [Fact]
    public async Task An_organisation_awaiting_verification_is_refused_with_the_password_login_s_message()
    {
        var organisation = Organisation.New(LegalEntityType.SocialOrganisation);
        Assert.Equal("/account/register/legal/awaiting-counter?type=social-organisation", (await factory.RegisterAsync(factory.NewSession(), organisation)).Location);
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl + "?kind=legal");

        Assert.True((await SendAsync(session, page, organisation.Phone)).Sent);
        var refused = await SubmitAsync(session, organisation.Phone, await factory.LatestSmsCodeAsync(organisation.Phone), legal: true);
        var byPassword = await factory.NewSession().LogInAsLegalAsync(organisation.CreditCode, organisation.Password);

        Assert.Equal(AccountMessages.AwaitingCounterVerification, refused.FieldError("Phone"));
        Assert.Equal(byPassword.FieldError("Account"), refused.FieldError("Phone"));
        Assert.NotNull(refused.Page.QuerySelector("[data-hint=counter]"));
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Each_send_and_the_login_need_a_right_captcha_answered_afresh()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl);
        var firstCaptcha = page.QuerySelector("input[name=CaptchaId]")!.GetAttribute("value");
        var outboxBefore = await OutboxCountAsync(citizen.Phone);

        var without = await SendAsync(session, page, citizen.Phone, new() { ["Captcha"] = null });
        var wrong = await SendAsync(session, page, citizen.Phone, new() { ["Captcha"] = "WRONG" });
        var replayed = await SendAsync(session, page, citizen.Phone, new() { ["CaptchaId"] = firstCaptcha });
        Assert.False(without.Sent);
        Assert.Equal(AccountMessages.CaptchaWrong, wrong.Message);
        Assert.Equal(AccountMessages.CaptchaExpired, replayed.Message);
        Assert.Equal(outboxBefore, await OutboxCountAsync(citizen.Phone));

        Assert.True((await SendAsync(session, page, citizen.Phone)).Sent);
        var code = await factory.LatestSmsCodeAsync(citizen.Phone);
        var wrongCaptcha = await SubmitAsync(session, citizen.Phone, code, extra: new() { ["Captcha"] = "WRONG" });
        Assert.Equal(AccountMessages.CaptchaWrong, wrongCaptcha.FieldError("Captcha"));
        Assert.Equal("/my", (await SubmitAsync(session, citizen.Phone, code)).Location);
    }

    [Fact]
    public async Task A_code_signs_in_once_and_not_after_five_minutes()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsUrl);
        Assert.True((await SendAsync(session, page, citizen.Phone)).Sent);
        var code = await factory.LatestSmsCodeAsync(citizen.Phone);
        Assert.Equal("/my", (await SubmitAsync(session, citizen.Phone, code)).Location);

        var replay = factory.NewSession();
        var replayed = await SubmitAsync(replay, citizen.Phone, code);
        Assert.Equal(AccountMessages.SmsCodeExpired, replayed.FieldError("SmsCode"));

        factory.Clock.Advance(SmsCodeService.ResendInterval);
        var late = factory.NewSession();
        page = await late.GetPageAsync(SmsUrl);
        Assert.True((await SendAsync(late, page, citizen.Phone)).Sent);
        code = await factory.LatestSmsCodeAsync(citizen.Phone);
        factory.Clock.Advance(SmsCodeService.Lifetime + TimeSpan.FromSeconds(1));
        Assert.Equal(AccountMessages.SmsCodeExpired, (await SubmitAsync(late, citizen.Phone, code)).FieldError("SmsCode"));
    }

    [Fact]
    public async Task The_login_page_offers_both_methods_for_both_kinds_keeping_the_way_back()
    {
        var password = await factory.NewSession().GetPageAsync("/account/login?kind=legal&returnUrl=%2Fmy");
        var sms = await factory.NewSession().GetPageAsync(SmsUrl + "?kind=legal&returnUrl=%2Fmy");

        Assert.Equal("/account/login/sms?kind=legal&returnUrl=%2Fmy", password.QuerySelector("nav[aria-label=选择登录方式] a:not([aria-current])")!.GetAttribute("href"));
        Assert.Equal("/account/login?kind=legal&returnUrl=%2Fmy", sms.QuerySelector("nav[aria-label=选择登录方式] a:not([aria-current])")!.GetAttribute("href"));
        Assert.Equal("短信验证码登录", sms.QuerySelector("nav[aria-label=选择登录方式] a[aria-current=page]")!.TextContent);
        Assert.Equal("legal", sms.QuerySelector("input[name=Kind]")!.GetAttribute("value"));
    }

    private static async Task<string> AmrAsync(PortalSession session)
    {
        using var response = await session.Client.GetAsync(new Uri("/test/amr", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<int> OutboxCountAsync(string phone) => factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone));
}

/// <summary>The steps of 短信验证码登录 through its real form.</summary>
public static class SmsLoginJourney
{
    public const string SmsUrl = "/account/login/sms";
    public const string SmsSendUrl = SmsUrl + "/send";

    /// <summary>Presses 获取短信验证码 as the page's script does (the page then holds the fresh captcha).</summary>
    public static Task<(bool Sent, string Message)> SendAsync(PortalSession session, IDocument page, string phone, Dictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.SendSmsAsync(page, SmsUrl, SmsSendUrl, new Dictionary<string, string?>(extra ?? []) { ["Phone"] = phone });
    }

    /// <summary>Opens the form afresh (a captcha answers once) and submits the phone and code.</summary>
    public static async Task<PortalSession.Submitted> SubmitAsync(PortalSession session, string phone, string code, bool legal = false, Dictionary<string, string?>? extra = null)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(legal ? SmsUrl + "?kind=legal" : SmsUrl);
        return await session.SubmitAsync(page, SmsUrl, new Dictionary<string, string?>(extra ?? []) { ["Phone"] = phone, ["SmsCode"] = code });
    }
}

public sealed class SmsLoginTestsOnSqlite(SqlitePortalFactory factory) : SmsLoginTests<SqlitePortalFactory>(factory);

public sealed class SmsLoginTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SmsLoginTests<PostgreSqlPortalFactory>(factory);

/// <summary>The per-address limits on 短信验证码登录: sends under the SMS policy, logins under the credentials one.</summary>
public sealed class SmsLoginRateLimitTests(SmsLoginRateLimitTests.LowLimitsFactory factory) : IClassFixture<SmsLoginRateLimitTests.LowLimitsFactory>
{
    public sealed class LowLimitsFactory : SqlitePortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("RateLimits:credentials:PermitLimit", "3");
            builder.UseSetting("RateLimits:sms:PermitLimit", "2");
        }
    }

    [Fact]
    public async Task Too_many_sends_or_logins_from_one_address_are_refused_with_429()
    {
        var session = factory.NewSession();
        var page = await session.GetPageAsync(SmsLoginJourney.SmsUrl);
        var sends = new List<PortalSession.Submitted>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            sends.Add(await session.PostAsync(SmsLoginJourney.SmsSendUrl, new Dictionary<string, string?> { ["Phone"] = Citizen.NewPhone(), ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page) }, asScript: true));
        }

        var logins = new List<PortalSession.Submitted>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            logins.Add(await SmsLoginJourney.SubmitAsync(session, Citizen.NewPhone(), "000000"));
        }

        Assert.All(sends.Take(2), s => Assert.Equal(HttpStatusCode.OK, s.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, sends[2].Status);
        Assert.Contains(ClientRateLimits.TooManyMessage, sends[2].Body, StringComparison.Ordinal);
        Assert.All(logins.Take(3), l => Assert.Equal(HttpStatusCode.OK, l.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, logins[3].Status);
    }
}
