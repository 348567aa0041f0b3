using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.QrLogin;
using ShanxiIdentity.Web.Tests.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Accounts.PasskeyJourney;
using static ShanxiIdentity.Web.Tests.Accounts.QrSignInJourney;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// An attacker's review of #22's ways in (通行密钥, 扫码登录, 登录记录) through the real pipeline:
/// each test is one attempt to break them, and asserts that it fails.
/// </summary>
public abstract class SignInMethodAttackTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_passkey_answering_with_another_accounts_user_handle_signs_neither_account_in()
    {
        var (victim, victimSession) = await factory.RegisteredCitizenAsync();
        var (attacker, attackerSession) = await factory.RegisteredCitizenAsync();
        using var victimKey = new SoftwareAuthenticator();
        using var attackerKey = new SoftwareAuthenticator();
        Assert.True((await AddAsync(victimSession, victimKey, victim.Password)).Ok);
        Assert.True((await AddAsync(attackerSession, attackerKey, attacker.Password)).Ok);

        // The attacker's own (valid) key, claiming to be the victim's user handle.
        var session = factory.NewSession();
        var options = await PostAsync(session, LoginOptionsUrl, CitizenJourney.LoginUrl, []);
        var assertion = JsonNode.Parse(attackerKey.Get(options.Options))!;
        assertion["response"]!["userHandle"] = victimKey.UserHandle;
        var answer = await PostAsync(session, LoginUrl, CitizenJourney.LoginUrl, new() { ["Credential"] = assertion.ToJsonString() });

        Assert.False(answer.Ok);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);
        var victimId = await factory.PersonIdAsync(victim);
        Assert.Equal(1, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => s.AccountId == victimId)));
    }

    [Fact]
    public async Task A_cloned_authenticator_whose_counter_does_not_go_forward_is_refused()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator { SignCount = 5 };
        Assert.True((await AddAsync(session, authenticator, citizen.Password)).Ok);
        authenticator.SignCount = 6;
        Assert.True((await SignInAsync(factory.NewSession(), authenticator)).Ok);

        authenticator.SignCount = 6;
        var same = await SignInAsync(factory.NewSession(), authenticator);
        authenticator.SignCount = 3;
        var backwards = await SignInAsync(factory.NewSession(), authenticator);
        Assert.False(same.Ok);
        Assert.False(backwards.Ok);
    }

    [Fact]
    public async Task Request_options_older_than_the_ceremony_sign_nobody_in()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        using var authenticator = new SoftwareAuthenticator();
        Assert.True((await AddAsync(session, authenticator, citizen.Password)).Ok);

        var browser = factory.NewSession();
        var options = await PostAsync(browser, LoginOptionsUrl, CitizenJourney.LoginUrl, []);
        factory.Clock.Advance(TimeSpan.FromMinutes(20));
        try
        {
            var late = await PostAsync(browser, LoginUrl, CitizenJourney.LoginUrl, new() { ["Credential"] = authenticator.Get(options.Options) });
            Assert.False(late.Ok);
        }
        finally
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(-20));
        }
    }

    [Fact]
    public async Task One_password_proof_adds_one_passkey_not_a_second_with_the_same_options()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var options = await BeginAddAsync(session, citizen.Password);
        Assert.True(options.Ok, options.Message);
        using var first = new SoftwareAuthenticator();
        using var second = new SoftwareAuthenticator();
        Assert.True((await FinishAddAsync(session, first.Create(options.Options))).Ok);

        var again = await FinishAddAsync(session, second.Create(options.Options), "第二把");
        Assert.False(again.Ok);
        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<IdentityUserPasskey<Guid>>().CountAsync(p => p.UserId == accountId)));
    }

    [Fact]
    public async Task A_replayed_add_request_with_its_old_ceremony_cookie_adds_no_second_passkey_without_a_new_password()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var jar = new CookieContainer();
        var origin = new Uri("https://localhost");
        var session = new PortalSession(factory.CreateDefaultClient(origin, new Microsoft.AspNetCore.Mvc.Testing.Handlers.RedirectHandler(0), new Microsoft.AspNetCore.Mvc.Testing.Handlers.CookieContainerHandler(jar)));
        Assert.Equal("/my", (await session.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var begun = await BeginAddAsync(session, citizen.Password);
        Assert.True(begun.Ok, begun.Message);
        var cookies = jar.GetCookieHeader(origin); // the ceremony's state as the password step left it
        var token = Counter.CounterDeskSteps.Token(await session.GetPageAsync(PageUrl));

        using var first = new SoftwareAuthenticator();
        using var second = new SoftwareAuthenticator();
        Assert.True((await FinishAddAsync(session, first.Create(begun.Options))).Ok);
        using var raw = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = origin });
        var replayed = await new ReplayingBrowser(raw).PostAsync(PageUrl, new() { ["__RequestVerificationToken"] = token, ["Form.Name"] = "攻击者的钥匙", ["Form.Credential"] = second.Create(begun.Options) }, cookies);

        Assert.Contains("\"ok\":false", replayed, StringComparison.Ordinal);
        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(1, await factory.QueryAsync(db => db.Set<IdentityUserPasskey<Guid>>().CountAsync(p => p.UserId == accountId)));
    }

    [Fact]
    public async Task Creation_options_begun_for_one_account_add_nothing_to_another_signed_in_on_the_same_browser()
    {
        var (first, browser) = await factory.RegisteredCitizenAsync();
        var (second, _) = await factory.RegisteredCitizenAsync();
        var options = await BeginAddAsync(browser, first.Password);
        Assert.True(options.Ok, options.Message);

        // 退出, then the second account signs in on this browser and finishes the first one's ceremony.
        var my = await browser.GetPageAsync("/my");
        await browser.PostAsync("/account/logout", new Dictionary<string, string?> { ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(my) });
        Assert.Equal("/my", (await browser.LogInAsync(second.IdNumber, second.Password)).Location);
        using var authenticator = new SoftwareAuthenticator();
        var added = await FinishAddAsync(browser, authenticator.Create(options.Options));

        Assert.False(added.Ok);
        var ids = new[] { await factory.PersonIdAsync(first), await factory.PersonIdAsync(second) };
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<IdentityUserPasskey<Guid>>().CountAsync(p => ids.Contains(p.UserId))));
    }

    [Fact]
    public async Task A_qr_sign_in_is_one_factor_and_does_not_meet_a_clients_mfa_request()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
        Assert.Equal("/my", (await CompleteAsync(desktop, code)).Location);

        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var request = sso.AuthorizeRequest("openid profile", extra: new Dictionary<string, string?> { ["acr_values"] = RealNameLevels.MultiFactorAcr });
        using var response = await desktop.Client.GetAsync(new Uri(request.Url, UriKind.Relative));
        // Not a code: the desktop is sent to add a second factor first.
        var location = response.Headers.Location?.ToString() ?? string.Empty;
        Assert.StartsWith("/account/second-factor?returnUrl=", location, StringComparison.Ordinal);

        // And where it may not prompt, the client is told the requirement is unmet.
        var silent = sso.AuthorizeRequest("openid profile", prompt: "none", extra: new Dictionary<string, string?> { ["acr_values"] = RealNameLevels.MultiFactorAcr });
        using var refused = await desktop.Client.GetAsync(new Uri(silent.Url, UriKind.Relative));
        var back = refused.Headers.Location?.ToString() ?? string.Empty;
        Assert.StartsWith(sso.RedirectUri, back, StringComparison.Ordinal);
        Assert.Equal("unmet_authentication_requirements", QueryHelpers.ParseQuery(new Uri(back).Query)["error"].ToString());
    }

    [Fact]
    public async Task A_qr_signed_in_desktop_cannot_step_up_by_an_sms_code_to_the_phone_that_confirmed_it()
    {
        // 两步验证 by SMS, turned on through 我的账号's form.
        var (citizen, phone) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var setup = await phone.GetPageAsync(SecondFactorSteps.SetupUrl);
        Assert.True((await phone.SendSmsAsync(setup, SecondFactorSteps.SetupUrl + "/enable", SecondFactorSteps.SetupUrl + "/sms", new Dictionary<string, string?>())).Sent);
        var enabled = await phone.SubmitAsync(setup, SecondFactorSteps.SetupUrl + "/enable", new Dictionary<string, string?>
        {
            ["Form.Method"] = AuthenticationMethods.Sms,
            ["Form.CurrentPassword"] = citizen.Password,
            ["Form.Code"] = await factory.LatestSmsCodeAsync(citizen.Phone),
        });
        var recoveryCode = enabled.Page.QuerySelector("[data-recovery-codes] li")!.TextContent.Trim();

        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
        Assert.Equal("/my", (await CompleteAsync(desktop, code)).Location);

        // No code is sent to that phone for the step-up, and none it already has is taken.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var step = await desktop.GetPageAsync(SecondFactorSteps.CodeUrl);
        var (sent, message) = await desktop.SendSmsAsync(step, SecondFactorSteps.CodeUrl, SecondFactorSteps.CodeUrl + "/sms", new Dictionary<string, string?>());
        Assert.False(sent);
        Assert.Equal(SecondFactorMessages.SmsAfterQr, message);
        var refused = await desktop.SubmitAsync(step, SecondFactorSteps.CodeUrl, new Dictionary<string, string?> { ["Code"] = await factory.LatestSmsCodeAsync(citizen.Phone) });
        Assert.Equal(SecondFactorMessages.SmsAfterQr, refused.FieldError("Code"));

        // A recovery code (kept apart from the phone) still steps up.
        var recovered = await desktop.SubmitAsync(step, SecondFactorSteps.CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCode, ["Recovery"] = "true" });
        Assert.Equal("/my", recovered.Location);
    }

    [Fact]
    public async Task A_forged_confirm_without_the_pages_token_confirms_nothing()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);

        // A cross-site form post carries the phone's cookies but not its antiforgery token.
        var forged = await phone.PostAsync($"/qr/{code.Id}/confirm", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal("waiting", await PollAsync(desktop, code.Id));
        Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(await CompleteAsync(desktop, code)));
    }

    [Fact]
    public async Task A_cancel_on_the_phone_is_audited_on_the_account_that_cancelled()
    {
        var (citizen, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.CancelledOnPhone, await AnswerAsync(phone, code.Id, "cancel"));

        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.QrSignInCancelled)));

        // Confirm after cancel: nothing, and no second row.
        Assert.Equal(QrSignInMessages.NotValid, await AnswerAsync(phone, code.Id));
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.QrSignInConfirmed)));
    }

    [Fact]
    public async Task The_confirmation_audit_row_is_written_only_when_the_confirmation_is_taken()
    {
        var (citizen, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        var page = await OpenAsync(phone, code.Id);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");

        // Expired between the page and the button: refused, and no row says it was confirmed.
        factory.Clock.Advance(QrSignIns.Lifetime + TimeSpan.FromSeconds(1));
        var late = await phone.PostAsync($"/qr/{code.Id}/confirm", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
        Assert.Equal(QrSignInMessages.NotValid, late.Page.QuerySelector("[data-qr-answer]")!.TextContent.Trim());
        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(0, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.QrSignInConfirmed)));
    }

    [Fact]
    public async Task A_desktop_with_its_own_code_cannot_complete_another_desktops_confirmed_code()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var victimDesktop = factory.NewSession();
        var attackerDesktop = factory.NewSession();
        var victimCode = await NewCodeAsync(victimDesktop);
        var attackerCode = await NewCodeAsync(attackerDesktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, victimCode.Id));

        // The attacker's browser holds a secret (its own code's), posted to the victim's code.
        var stolen = await CompleteAsync(attackerDesktop, victimCode with { Token = attackerCode.Token });
        Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(stolen));
        Assert.Equal("/my", (await CompleteAsync(victimDesktop, victimCode)).Location);
    }

    [Fact]
    public async Task Concurrent_requests_that_each_note_the_session_as_seen_all_succeed_and_leave_the_account_row_alone()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var accountId = await factory.PersonIdAsync(citizen);
        var stamp = await factory.QueryAsync(db => db.Users.Where(a => a.Id == accountId).Select(a => a.ConcurrencyStamp).SingleAsync());
        factory.Clock.Advance(SignInSessions.SeenInterval + TimeSpan.FromMinutes(1));

        var statuses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            using var response = await session.Client.GetAsync(new Uri("/my/sign-ins", UriKind.Relative));
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(1, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => s.AccountId == accountId && s.LastSeenAt >= now.AddSeconds(-1))));
        Assert.Equal(stamp, await factory.QueryAsync(db => db.Users.Where(a => a.Id == accountId).Select(a => a.ConcurrencyStamp).SingleAsync()));
    }

    [Fact]
    public async Task Ending_a_session_needs_the_pages_token_and_only_ever_ends_the_accounts_own()
    {
        var (citizen, mine) = await factory.RegisteredCitizenAsync();
        var (_, stranger) = await factory.RegisteredCitizenAsync();
        var other = factory.NewSession();
        Assert.Equal("/my", (await other.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var accountId = await factory.PersonIdAsync(citizen);
        var otherId = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId).OrderByDescending(s => s.CreatedAt).Select(s => s.Id).FirstAsync());
        var url = $"/my/sign-ins/{otherId:N}/end";

        var forged = await mine.PostAsync(url, new Dictionary<string, string?>());
        var strangers = await stranger.PostAsync(url, new Dictionary<string, string?> { ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(await stranger.GetPageAsync("/my/sign-ins")) });
        Assert.Equal(HttpStatusCode.BadRequest, forged.Status);
        Assert.Equal(HttpStatusCode.NotFound, strangers.Status);
        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync(new Uri("/my", UriKind.Relative))).StatusCode);
    }

}

public sealed class SignInMethodAttackTestsOnSqlite(SqlitePortalFactory factory) : SignInMethodAttackTests<SqlitePortalFactory>(factory);

public sealed class SignInMethodAttackTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SignInMethodAttackTests<PostgreSqlPortalFactory>(factory);
