using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.QrLogin;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Accounts.QrSignInJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 扫码登录 (#22) through the real pipeline: a desktop session and a phone session. The code lives in
/// the database, so it is tested on both providers (and across two instances in TwoInstanceTests).
/// </summary>
public abstract class QrSignInTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_phone_sees_who_asks_confirms_and_the_desktop_signs_in_once_with_amr_mca_and_audit_rows()
    {
        var (citizen, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        desktop.Client.DefaultRequestHeaders.UserAgent.ParseAdd(ChromeOnWindows);
        var code = await NewCodeAsync(desktop, "/account/login?returnUrl=%2Fmy%2Fsecond-factor");
        Assert.Equal("waiting", await PollAsync(desktop, code.Id));
        Assert.EndsWith("/qr/" + code.Id, code.Link, StringComparison.Ordinal);

        var page = await OpenAsync(phone, code.Id);
        Assert.Equal("Chrome（Windows）", page.QuerySelector("[data-qr-browser]")!.TextContent);
        Assert.Equal(QrSignInMessages.UnknownPlace, page.QuerySelector("[data-qr-place]")!.TextContent);
        Assert.Equal("scanned", await PollAsync(desktop, code.Id));

        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
        Assert.Equal("confirmed", await PollAsync(desktop, code.Id));
        var signedIn = await CompleteAsync(desktop, code);

        Assert.Equal("/my/second-factor", signedIn.Location);
        Assert.Equal(AuthenticationMethods.MultiChannel, await AmrAsync(desktop));
        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.SignedIn && e.Detail == QrSignInCompletion.AuditDetail)));
        var confirmed = await factory.QueryAsync(db => db.AuditEntries.SingleAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.QrSignInConfirmed));
        Assert.Contains("Chrome（Windows）", confirmed.Detail, StringComparison.Ordinal);

        // Single use: the code is spent, for the poll, the phone, and a second completion (with the signed-in desktop's token).
        Assert.Equal("expired", await PollAsync(desktop, code.Id));
        var again = code with { Token = Counter.CounterDeskSteps.Token(await desktop.GetPageAsync("/my")) };
        Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(await CompleteAsync(desktop, again)));
        Assert.Equal(QrSignInMessages.NotValid, await AnswerAsync(phone, code.Id));
    }

    [Fact]
    public async Task A_person_not_signed_in_on_the_phone_logs_in_first_and_comes_back_to_the_code()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var code = await NewCodeAsync(factory.NewSession());
        var phone = factory.NewSession();

        using var first = await phone.Client.GetAsync(new Uri($"/qr/{code.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var login = await phone.GetPageAsync(first.Headers.Location!.PathAndQuery);
        Assert.Equal($"/qr/{code.Id}", login.QuerySelector("input[name=ReturnUrl]")!.GetAttribute("value"));
        var back = await phone.SubmitAsync(login, "/account/login", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password });
        Assert.Equal($"/qr/{code.Id}", back.Location);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
    }

    [Fact]
    public async Task A_code_expires_after_two_minutes_confirmed_or_not()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var unconfirmed = await NewCodeAsync(desktop);
        var confirmed = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, confirmed.Id));

        var late = QrSignIns.Lifetime + TimeSpan.FromSeconds(1);
        factory.Clock.Advance(late);
        try
        {
            Assert.Equal("expired", await PollAsync(desktop, unconfirmed.Id));
            Assert.Equal("expired", await PollAsync(desktop, confirmed.Id));
            Assert.Equal(QrSignInMessages.NotValid, await AnswerAsync(phone, unconfirmed.Id));
            Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(await CompleteAsync(desktop, confirmed)));
            Assert.Equal(QrSignInStatus.Waiting, await StatusAsync(unconfirmed.Id));
            await AssertNotSignedInAsync(desktop);
        }
        finally
        {
            // Back to the real time: the staff test's authenticator codes are computed from it.
            factory.Clock.Advance(-late);
        }
    }

    [Fact]
    public async Task Whoever_photographs_the_code_cannot_complete_it_without_the_desktop_s_secret()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));

        // The photographer has the id (and a code and a token of their own), not this code's secret cookie.
        var photographer = factory.NewSession();
        var own = await NewCodeAsync(photographer);
        var stolen = await CompleteAsync(photographer, code with { Token = own.Token });
        Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(stolen));
        await AssertNotSignedInAsync(photographer);

        // The desktop that created it still completes it.
        Assert.Equal("/my", (await CompleteAsync(desktop, code)).Location);
    }

    [Fact]
    public async Task Staff_cannot_open_or_confirm_a_code()
    {
        var (_, staff) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var code = await NewCodeAsync(factory.NewSession());
        var token = Counter.CounterDeskSteps.Token(await staff.GetPageAsync("/counter"));

        using var open = await staff.Client.GetAsync(new Uri($"/qr/{code.Id}", UriKind.Relative));
        var confirm = await staff.PostAsync($"/qr/{code.Id}/confirm", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, open.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, confirm.Status);
        Assert.Equal("waiting", await PollAsync(factory.NewSession(), code.Id));
    }

    [Fact]
    public async Task A_locked_account_is_refused_on_the_desktop_with_the_lockout_message()
    {
        var (citizen, phone) = await factory.RegisteredCitizenAsync();
        var guesser = factory.NewSession();
        for (var i = 0; i < 5; i++)
        {
            await guesser.LogInAsync(citizen.IdNumber, "Wrong#pass1");
        }

        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
        var refused = await CompleteAsync(desktop, code);

        Assert.Matches(@"^登录失败次数过多，账号已锁定，请于\d{4}-\d{2}-\d{2} \d{2}:\d{2}后再试$", Refusal(refused));
        await AssertNotSignedInAsync(desktop);
    }

    [Fact]
    public async Task An_organisation_the_login_gate_refuses_is_refused_on_the_desktop_and_sent_to_the_counter()
    {
        var (organisation, phone) = await factory.RegisteredOrganisationAsync();

        // Its verification withdrawn while its phone stays signed in: awaiting the counter again.
        await factory.QueryAsync(db => db.LegalEntityProfiles.Where(p => p.CreditCode == organisation.CreditCode)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.RealNameVerifiedAt, (DateTime?)null)));
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop, "/account/login?kind=legal");
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await AnswerAsync(phone, code.Id));
        var refused = await CompleteAsync(desktop, code);

        Assert.Equal(AccountMessages.AwaitingCounterVerification, Refusal(refused));
        Assert.NotNull(refused.Page.QuerySelector("[data-hint=counter]"));
        await AssertNotSignedInAsync(desktop);
    }

    [Fact]
    public async Task Of_two_confirmations_or_a_confirmation_and_a_cancel_racing_exactly_one_wins()
    {
        var (first, firstPhone) = await factory.RegisteredCitizenAsync();
        var (second, secondPhone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        var raced = await Task.WhenAll(AnswerAsync(firstPhone, code.Id), AnswerAsync(secondPhone, code.Id));

        Assert.Single(raced, a => a == QrSignInMessages.ConfirmedOnPhone);
        Assert.Single(raced, a => a == QrSignInMessages.NotValid);
        var winner = raced[0] == QrSignInMessages.ConfirmedOnPhone ? first : second;
        var row = await factory.QueryAsync(db => db.QrSignIns.SingleAsync(q => q.PublicId == code.Id));
        Assert.Equal(await factory.PersonIdAsync(winner), row.AccountId);
        var both = new[] { await factory.PersonIdAsync(first), await factory.PersonIdAsync(second) };
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.QrSignInConfirmed && both.Contains(e.SubjectAccountId!.Value))));

        // Two completions of the confirmed code: one sign-in.
        var completions = await Task.WhenAll(CompleteAsync(desktop, code), CompleteAsync(desktop, code));
        Assert.Single(completions, c => c.Location == "/my");

        var other = await NewCodeAsync(desktop);
        var answers = await Task.WhenAll(AnswerAsync(firstPhone, other.Id), AnswerAsync(firstPhone, other.Id, "cancel"));
        Assert.Single(answers, a => a is QrSignInMessages.ConfirmedOnPhone or QrSignInMessages.CancelledOnPhone);
        Assert.Equal(answers[0] == QrSignInMessages.ConfirmedOnPhone ? QrSignInStatus.Confirmed : QrSignInStatus.Cancelled, await StatusAsync(other.Id));
    }

    [Fact]
    public async Task A_cancel_on_the_phone_tells_the_desktop_and_the_code_opens_nothing()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);

        Assert.Equal(QrSignInMessages.CancelledOnPhone, await AnswerAsync(phone, code.Id, "cancel"));
        Assert.Equal("cancelled", await PollAsync(desktop, code.Id));
        Assert.Equal(QrSignInMessages.NotValid, await AnswerAsync(phone, code.Id));
        Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(await CompleteAsync(desktop, code)));
    }

    [Fact]
    public async Task Hostile_ids_in_the_address_are_answered_without_an_error()
    {
        var (_, phone) = await factory.RegisteredCitizenAsync();
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        foreach (var value in Security.BadInputTests<TFactory>.Corpus.Where(v => v.Trim().Length > 0 && !v.Contains('/', StringComparison.Ordinal) && !v.Contains('\0', StringComparison.Ordinal)).Append(new string('a', 43)).Append(code.Id.ToUpperInvariant()))
        {
            var id = Uri.EscapeDataString(value.Replace("\uD800\uDBFF", "\uFFFD", StringComparison.Ordinal));
            Assert.Equal("expired", await PollAsync(desktop, id));
            Assert.Equal(QrSignInMessages.NotValid, (await OpenAsync(phone, id)).QuerySelector("[data-qr-answer]")!.TextContent.Trim());
            Assert.Equal(QrSignInMessages.NotValid, await AnswerAsync(phone, id));
            Assert.Equal(QrSignInMessages.CompletionRefused, Refusal(await CompleteAsync(desktop, code with { Complete = $"/qr/{id}/complete" })));
        }

        Assert.Equal("waiting", await PollAsync(desktop, code.Id));
    }

    private Task<QrSignInStatus> StatusAsync(string id) =>
        factory.QueryAsync(db => db.QrSignIns.Where(q => q.PublicId == id).Select(q => q.Status).SingleAsync());

    private static async Task AssertNotSignedInAsync(PortalSession session)
    {
        using var my = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, my.StatusCode);
    }

    private static async Task<string> AmrAsync(PortalSession session)
    {
        using var response = await session.Client.GetAsync(new Uri("/test/amr", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }
}

public sealed class QrSignInTestsOnSqlite(SqlitePortalFactory factory) : QrSignInTests<SqlitePortalFactory>(factory);

public sealed class QrSignInTestsOnPostgreSql(PostgreSqlPortalFactory factory) : QrSignInTests<PostgreSqlPortalFactory>(factory);

/// <summary>扫码登录's per-address limits: new codes under <c>qr</c>, polling under <c>qr-poll</c>.</summary>
public sealed class QrSignInRateLimitTests(QrSignInRateLimitTests.LowLimitsFactory factory) : IClassFixture<QrSignInRateLimitTests.LowLimitsFactory>
{
    public sealed class LowLimitsFactory : SqlitePortalFactory
    {
        protected override void ConfigureSettings(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting("RateLimits:qr:PermitLimit", "2");
            builder.UseSetting("RateLimits:qr-poll:PermitLimit", "3");
        }
    }

    [Fact]
    public async Task Too_many_new_codes_or_polls_from_one_address_are_refused_with_429()
    {
        var desktop = factory.NewSession();
        var code = await NewCodeAsync(desktop);
        await NewCodeAsync(desktop);
        var page = await desktop.GetPageAsync("/account/login");
        var third = await desktop.PostAsync("/qr/new", new Dictionary<string, string?> { ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page) }, asScript: true);

        var polls = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var poll = await desktop.Client.GetAsync(new Uri(code.Status, UriKind.Relative));
            polls.Add(poll.StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, third.Status);
        Assert.Contains(Web.Infrastructure.ClientRateLimits.TooManyMessage, third.Body, StringComparison.Ordinal);
        Assert.All(polls.Take(3), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, polls[3]);
    }
}
