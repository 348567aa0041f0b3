using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Sessions;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Agents;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Accounts.SignInHistoryJourney;
using static ShanxiIdentity.Web.Tests.Accounts.SmsLoginJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// 我的账号 › 登录记录 (#22): recent sign-ins with how, from where (masked) and in what browser; the
/// sessions open now with 退出该设备; an SMS on a sign-in from a browser the account never used.
/// </summary>
public abstract class SignInHistoryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task The_history_lists_sign_ins_by_password_and_by_sms_with_method_masked_address_and_browser_and_stores_only_masked_addresses()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        factory.Clock.Advance(SmsCodeService.ResendInterval); // registration just sent a code to this phone
        var desktop = Device(factory, ChromeOnWindows, "223.104.3.57");
        Assert.Equal("/my", (await desktop.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var phone = Device(factory, WeChatOnIPhone, "2409:8a00:1234:5678:9abc::1");
        Assert.True((await SendAsync(phone, await phone.GetPageAsync(SmsUrl), citizen.Phone)).Sent);
        Assert.Equal("/my", (await SubmitAsync(phone, citizen.Phone, await factory.LatestSmsCodeAsync(citizen.Phone))).Location);

        var page = await phone.GetPageAsync(HistoryUrl);
        var recent = page.QuerySelectorAll("[data-recent-sign-ins] li")
            .Select(li => (Methods: li.QuerySelector("[data-methods]")!.TextContent, Address: li.QuerySelector("[data-address]")!.TextContent, Browser: li.QuerySelector("[data-browser]")!.TextContent, Time: li.QuerySelector("[data-time]")!.TextContent))
            .ToList();
        Assert.Equal(3, recent.Count); // registration's sign-in, the password, the code
        Assert.Equal(("短信验证码", "2409:8a00:1234:*", "微信（iOS）"), (recent[0].Methods, recent[0].Address, recent[0].Browser));
        Assert.Equal(("密码", "223.104.3.*", "Chrome（Windows）"), (recent[1].Methods, recent[1].Address, recent[1].Browser));
        Assert.Equal(Domain.Identifiers.ChinaTime.Format(factory.Clock.GetUtcNow(), "yyyy-MM-dd HH:mm"), recent[0].Time);
        Assert.Equal(3, page.QuerySelectorAll("[data-open-sessions] li").Length);
        Assert.Single(page.QuerySelectorAll("[data-open-sessions] [data-this-device]"));

        var accountId = await factory.PersonIdAsync(citizen);
        var rows = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId).ToListAsync());
        Assert.Contains(rows, s => s.MaskedAddress == "223.104.3.*" && s.Methods == "pwd");
        Assert.Contains(rows, s => s.MaskedAddress == "2409:8a00:1234:*" && s.Methods == "sms");
        Assert.DoesNotContain(rows, s => s.MaskedAddress is { } a && (a.Contains("57", StringComparison.Ordinal) || a.Contains("5678", StringComparison.Ordinal)));
        Assert.All(rows, s => Assert.Equal(64, s.BrowserKeyHash!.Length));
    }

    [Fact]
    public async Task Ending_another_device_signs_it_out_at_its_next_request_and_not_this_one()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var mine = Device(factory, ChromeOnWindows, "223.104.3.57");
        var other = Device(factory, WeChatOnIPhone, "112.1.2.3");
        Assert.Equal("/my", (await mine.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal("/my", (await other.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var accountId = await factory.PersonIdAsync(citizen);
        var otherId = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId && s.Browser == "微信（iOS）").Select(s => s.Id).SingleAsync());

        var page = await mine.GetPageAsync(HistoryUrl);
        var action = $"{HistoryUrl}/{otherId:N}/end";
        var ended = await mine.SubmitAsync(page, action, new Dictionary<string, string?>());

        Assert.Equal(HistoryUrl, ended.Location);
        var after = await mine.GetPageAsync(HistoryUrl);
        Assert.Contains(SignInHistoryMessages.SessionEnded, after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(after.QuerySelectorAll("[data-open-sessions] li"), li => li.GetAttribute("data-session") == otherId.ToString("N"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(other, "/my"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(mine, "/my"));
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == accountId && e.Action == AuditAction.SessionEnded && e.Detail == otherId.ToString("N"))));
    }

    [Fact]
    public async Task Another_accounts_session_or_this_one_is_not_found_and_nothing_ends()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (stranger, strangerSession) = await factory.RegisteredCitizenAsync();
        var strangerId = await factory.PersonIdAsync(stranger);
        var theirs = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == strangerId).Select(s => s.Id).SingleAsync());
        var accountId = await factory.PersonIdAsync(citizen);
        var own = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId).Select(s => s.Id).SingleAsync());
        var token = Counter.CounterDeskSteps.Token(await session.GetPageAsync(HistoryUrl));

        foreach (var id in new[] { theirs, own, Guid.NewGuid() })
        {
            var refused = await session.PostAsync($"{HistoryUrl}/{id:N}/end", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
            Assert.Equal(HttpStatusCode.NotFound, refused.Status);
        }

        Assert.Equal(0, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => (s.Id == theirs || s.Id == own) && s.EndedAt != null)));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(strangerSession, "/my"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(session, "/my"));
    }

    [Fact]
    public async Task A_new_browser_gets_one_sms_and_neither_the_first_sign_in_nor_the_same_browser_again_do()
    {
        var (citizen, registered) = await factory.RegisteredCitizenAsync();
        Assert.Equal(0, await NoticesAsync(citizen.Phone)); // the first sign-in, at registration

        Assert.Equal("/", (await registered.SubmitAsync(await registered.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>())).Location);
        Assert.Equal("/my", (await registered.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal(0, await NoticesAsync(citizen.Phone)); // the same browser (its key cookie kept)

        var stranger = Device(factory, ChromeOnWindows, "223.104.3.57");
        Assert.Equal("/my", (await stranger.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal(1, await NoticesAsync(citizen.Phone));
        await factory.DeliverSmsAsync();
        var text = factory.LatestSmsTo(citizen.Phone);
        Assert.Contains("新的浏览器（Chrome（Windows））", text, StringComparison.Ordinal);
        Assert.Contains("如非本人操作，请立即修改密码", text, StringComparison.Ordinal);
        Assert.Contains(Domain.Identifiers.ChinaTime.Format(factory.Clock.GetUtcNow(), "yyyy-MM-dd HH:mm"), text, StringComparison.Ordinal);

        Assert.Equal("/", (await stranger.SubmitAsync(await stranger.GetPageAsync("/my"), "/account/logout", new Dictionary<string, string?>())).Location);
        Assert.Equal("/my", (await stranger.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal(1, await NoticesAsync(citizen.Phone)); // now a browser the account knows
    }

    [Fact]
    public async Task The_browser_key_cookie_is_random_http_only_secure_lax_and_lives_a_year()
    {
        var session = factory.NewSession();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync(CitizenJourney.LoginUrl);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Account"] = citizen.IdNumber,
            ["Password"] = citizen.Password,
            ["Captcha"] = PortalSession.CaptchaAnswer,
            ["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page),
            ["CaptchaId"] = page.QuerySelector("input[name=CaptchaId]")?.GetAttribute("value") ?? string.Empty,
        });
        using var answer = await session.Client.PostAsync(new Uri(CitizenJourney.LoginUrl, UriKind.Relative), content);

        var cookie = answer.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignInOrigin.KeyCookie + "=", StringComparison.Ordinal));
        var value = cookie.Split(';')[0][(SignInOrigin.KeyCookie.Length + 1)..];
        Assert.Equal(43, value.Length); // 256 random bits
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_session_from_before_the_history_shows_as_not_recorded_and_can_be_ended()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var accountId = await factory.PersonIdAsync(citizen);
        var old = new SignInSession { Id = Guid.NewGuid(), AccountId = accountId, CreatedAt = factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1) };
        await factory.QueryAsync(async db =>
        {
            db.SignInSessions.Add(old);
            return await db.SaveChangesAsync();
        });

        var page = await session.GetPageAsync(HistoryUrl);
        var row = page.QuerySelector($"[data-recent-sign-ins] li[data-sign-in='{old.Id:N}']")!;
        Assert.Equal((SignInHistoryMessages.UnknownMethod, SignInHistoryMessages.UnknownAddress, BrowserDescription.Unknown), (row.QuerySelector("[data-methods]")!.TextContent, row.QuerySelector("[data-address]")!.TextContent, row.QuerySelector("[data-browser]")!.TextContent));
        Assert.Equal(HistoryUrl, (await session.SubmitAsync(page, $"{HistoryUrl}/{old.Id:N}/end", new Dictionary<string, string?>())).Location);
        Assert.NotNull(await factory.QueryAsync(db => db.SignInSessions.Where(s => s.Id == old.Id).Select(s => s.EndedAt).SingleAsync()));
    }

    [Fact]
    public async Task A_session_unused_for_longer_than_the_cookie_lives_is_no_longer_listed_as_open_and_a_used_one_is()
    {
        var (citizen, idle) = await factory.RegisteredCitizenAsync();
        var busy = factory.NewSession();
        Assert.Equal("/my", (await busy.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        for (var minute = 0; minute < 40; minute += 10)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(busy, "/my"));
        }

        var open = (await busy.GetPageAsync(HistoryUrl)).QuerySelectorAll("[data-open-sessions] li");
        Assert.Single(open);
        Assert.NotNull(open[0].QuerySelector("[data-this-device]"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusAsync(idle, "/my")); // its cookie expired: not open indeed
    }

    [Fact]
    public async Task An_organisation_sees_its_own_sign_ins()
    {
        var (_, session) = await factory.RegisteredOrganisationAsync();
        var page = await session.GetPageAsync(HistoryUrl);
        Assert.Equal("密码", page.QuerySelector("[data-recent-sign-ins] [data-methods]")!.TextContent);
        Assert.NotNull(page.QuerySelector("[data-open-sessions] [data-this-device]"));
        Assert.NotNull((await session.GetPageAsync("/my")).QuerySelector($"a[href='{HistoryUrl}'][data-sign-ins-link]"));
    }

    private Task<int> NoticesAsync(string phone) =>
        factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone && m.Purpose == SmsPurpose.NewBrowserNotice));

    [Fact]
    public async Task A_person_acting_as_an_agent_sees_their_own_sessions_not_the_organisations()
    {
        var (organisation, organisationSession) = await factory.RegisteredOrganisationAsync();
        var (citizen, session, _) = await factory.ActingCitizenAsync(organisation, Domain.Agents.AgentRole.Agent);
        var personId = await factory.PersonIdAsync(citizen);
        var organisationId = await factory.OrganisationIdAsync(organisation);
        var own = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == personId).Select(s => s.Id).ToListAsync());
        var theirs = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == organisationId).Select(s => s.Id).ToListAsync());

        var listed = (await session.GetPageAsync(HistoryUrl)).QuerySelectorAll("[data-recent-sign-ins] li").Select(li => Guid.Parse(li.GetAttribute("data-sign-in")!)).ToList();

        Assert.Equal(own.Order(), listed.Order());
        Assert.Empty(listed.Intersect(theirs));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(organisationSession, "/my"));
    }
}

/// <summary>The browsers and steps of 登录记录's tests (also the two-instance test's).</summary>
public static class SignInHistoryJourney
{
    public const string HistoryUrl = "/my/sign-ins";
    public const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
    public const string WeChatOnIPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.50(0x1800323c) NetType/WIFI Language/zh_CN";

    /// <summary>A browser of its own: its User-Agent, and its address as the proxy in front of the portal forwards it.</summary>
    public static PortalSession Device(PortalFactory factory, string userAgent, string address)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var session = factory.NewSession();
        Assert.True(session.Client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent));
        session.Client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return session;
    }

    public static async Task<HttpStatusCode> StatusAsync(PortalSession session, string url)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var response = await session.Client.GetAsync(new Uri(url, UriKind.Relative));
        return response.StatusCode;
    }
}

public sealed class SignInHistoryTestsOnSqlite(SqlitePortalFactory factory) : SignInHistoryTests<SqlitePortalFactory>(factory);

public sealed class SignInHistoryTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SignInHistoryTests<PostgreSqlPortalFactory>(factory);

/// <summary>SignIn:NewBrowserNotice off: no notice, however new the browser (a setting, not a database matter: SQLite only).</summary>
public sealed class NewBrowserNoticeOffTests(NewBrowserNoticeOffTests.NoticeOffFactory factory) : IClassFixture<NewBrowserNoticeOffTests.NoticeOffFactory>
{
    public sealed class NoticeOffFactory : SqlitePortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            ArgumentNullException.ThrowIfNull(builder);
            builder.UseSetting(NewBrowserNotice.Setting, "false");
        }
    }

    [Fact]
    public async Task No_sms_for_a_new_browser_when_the_setting_is_off()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var stranger = Device(factory, ChromeOnWindows, "223.104.3.57");
        Assert.Equal("/my", (await stranger.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal(0, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == citizen.Phone && m.Purpose == SmsPurpose.NewBrowserNotice)));
        var accountId = await factory.PersonIdAsync(citizen);
        Assert.Equal(2, await factory.QueryAsync(db => db.SignInSessions.Select(s => new { s.AccountId, s.BrowserKeyHash }).Where(s => s.AccountId == accountId).Select(s => s.BrowserKeyHash).Distinct().CountAsync()));
    }
}
