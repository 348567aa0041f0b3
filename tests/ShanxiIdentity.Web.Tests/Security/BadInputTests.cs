using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// Every visible field of every form receives a corpus of hostile input, one field at a time,
/// the others holding a baseline that the portal refuses late (a wrong SMS code, an expired
/// letter…), so the hostile value travels as far as it can. No answer may be a 500, reflect the
/// input unescaped, or lack a Chinese message; no business row may be written.
/// </summary>
public abstract class BadInputTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    public static readonly string[] Corpus =
    [
        string.Empty,
        "   ",
        new string('长', 5000),
        "' OR '1'='1' --",
        "1); DROP TABLE \"AspNetUsers\"; --",
        "<script>alert('xss')</script>",
        "\"><img src=x onerror=alert(1)>",
        "\0\u0001\u0007\u001b",
        "\uD800\uDBFF",
        "😀👍🏽🇨🇳",
        "１４０１０５１９８５０３１５１２３６",
        "\u202Eabc\u202C",
        "مرحبا بالعالم",
        "{{7*7}}${7*7}",
        "../../etc/passwd",
        "\r\nSet-Cookie: injected=1",
    ];

    private static readonly string[] Markup = ["<script>alert('xss')</script>", "\"><img src=x onerror=alert(1)>"];

    /// <param name="Fields">The action of the form whose fields are filled, when the button posts elsewhere (formaction).</param>
    /// <param name="Page">The page, when a form step reaches it rather than a GET of <paramref name="PageUrl"/>.</param>
    private sealed record FormCase(string Name, PortalSession Session, string PageUrl, string Action, Dictionary<string, string?> Baseline, string? Fields = null, IDocument? Page = null);

    [Fact]
    public async Task Every_field_of_every_form_holds_under_hostile_input()
    {
        var cases = await FormCasesAsync();
        var before = await BusinessRowsAsync();
        var failures = new List<string>();
        var count = 0;
        foreach (var form in cases)
        {
            var page = form.Page ?? await form.Session.GetPageAsync(form.PageUrl);
            var fields = VisibleFields(page, form.Fields ?? form.Action);
            Assert.NotEmpty(fields);
            foreach (var field in fields)
            {
                foreach (var value in Corpus)
                {
                    var values = new Dictionary<string, string?>(form.Baseline) { [field] = value };
                    var answer = await form.Session.SubmitAsync(page, form.Fields ?? form.Action, values, postTo: form.Fields is null ? null : form.Action);
                    count++;
                    if (Problem(answer, value) is { } problem)
                    {
                        failures.Add($"{form.Name} {field}={Describe(value)}: {problem}");
                    }
                }
            }
        }

        foreach (var (url, field) in SearchFields)
        {
            var session = url.StartsWith("/counter", StringComparison.Ordinal) ? cases.Single(c => c.Name == "counter request").Session : factory.NewSession();
            foreach (var value in Corpus)
            {
                using var response = await session.Client.GetAsync(new Uri($"{url}?{field}={Uri.EscapeDataString(value.Replace("\uD800\uDBFF", "\uFFFD", StringComparison.Ordinal))}", UriKind.Relative));
                var body = await response.Content.ReadAsStringAsync();
                count++;
                if ((int)response.StatusCode >= 500 || Markup.Any(m => value == m && body.Contains(m, StringComparison.Ordinal)))
                {
                    failures.Add($"GET {url} {field}={Describe(value)}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(40))}{Environment.NewLine}Logged: {factory.LoggedErrors()[..Math.Min(4000, factory.LoggedErrors().Length)]}");
        Assert.Equal(before, await BusinessRowsAsync());
        Console.WriteLine($"Suite count: bad input ({factory.Provider}): {count} cases over {cases.Count} forms and {SearchFields.Length} search fields, {Corpus.Length} values each, no failure.");
    }

    private static readonly (string Url, string Field)[] SearchFields =
    [
        ("/guide/faq", "q"),
        ("/guide/materials", "userType"),
        ("/counter/accounts", "q"),
        ("/counter/requests", "status"),
    ];

    private async Task<List<FormCase>> FormCasesAsync()
    {
        var (citizen, citizenSession) = await factory.RegisteredCitizenAsync();
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (admin, adminSession) = await factory.SignedInStaffAsync(StaffRole.Administrator);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var stranger = Citizen.New();
        await factory.AddResidentAsync(stranger);
        var organisation = Organisation.New(Domain.Accounts.LegalEntityType.Enterprise);
        await factory.AddToRegistryAsync(organisation);
        const string wrongCode = "000000";
        var (legal, organisationSession) = await factory.RegisteredOrganisationAsync();
        var authorizationId = await factory.GrantAgentAsync(legal, citizen, Domain.Agents.AgentRole.Administrator);
        await factory.GrantAgentAsync(legal, stranger, Domain.Agents.AgentRole.Administrator);
        var today = Domain.Identifiers.ChinaTime.Today(factory.Clock);
        var (twoStep, twoStepSession) = await factory.RegisteredCitizenAsync();
        await factory.EnableAuthenticatorAsync(twoStep, twoStepSession);
        var twoStepOff = new Dictionary<string, string?> { ["Form.CurrentPassword"] = "Wrong#123", ["Form.Code"] = wrongCode };
        var secondStep = factory.NewSession();
        var codePage = (await secondStep.LogInAsync(twoStep.IdNumber, twoStep.Password)).Page;
        await citizenSession.SubmitAsync(await citizenSession.GetPageAsync("/my/data"), "/my/data", new Dictionary<string, string?>());
        var download = (await citizenSession.GetPageAsync("/my/data")).QuerySelector("form[action$='/download']")!.GetAttribute("action")!;

        return
        [
            new("person registration", factory.NewSession(), "/account/register", "/account/register", CitizenJourney.RegistrationFields(stranger, wrongCode)),
            new("legal registration", factory.NewSession(), "/account/register/legal", "/account/register/legal", organisation.RegistrationFields(wrongCode)),
            new("login", factory.NewSession(), "/account/login", "/account/login", new() { ["Account"] = "nobody_here", ["Password"] = "Wrong#123" }),
            // 短信验证码登录: a phone without an account and a code never sent (refused after every field's check).
            new("sms login", factory.NewSession(), "/account/login/sms", "/account/login/sms", new() { ["Phone"] = Citizen.NewPhone(), ["SmsCode"] = wrongCode }),
            // 扫码登录's forms (确认登录, 取消, the desktop's completion) have no visible field: their input, the code's id in
            // the address, gets the corpus in QrSignInTests.Hostile_ids_in_the_address_are_answered_without_an_error.
            new("forgot password", factory.NewSession(), "/account/forgot", "/account/forgot", new() { ["Account"] = "nobody_here" }),
            new("change password", citizenSession, "/my", "/my/password", new() { ["ChangePassword.CurrentPassword"] = "Wrong#123", ["ChangePassword.Password"] = "New#Pingyao7q", ["ChangePassword.ConfirmPassword"] = "New#Pingyao7q" }),
            new("change phone", citizenSession, "/my", "/my/phone", new() { ["ChangePhone.CurrentPassword"] = citizen.Password, ["ChangePhone.NewPhone"] = Citizen.NewPhone(), ["ChangePhone.OldPhoneCode"] = wrongCode, ["ChangePhone.NewPhoneCode"] = wrongCode }),
            // 两步验证 on with a wrong password: refused after every field's own check.
            new("second factor on", citizenSession, "/my/second-factor", "/my/second-factor/enable", new() { ["Form.Method"] = "otp", ["Form.CurrentPassword"] = "Wrong#123", ["Form.Code"] = wrongCode }),
            // 两步验证 after the password (its ticket in the page), then turned off and its recovery codes
            // renewed with a wrong password.
            new("second factor code", secondStep, SecondFactorSteps.CodeUrl, SecondFactorSteps.CodeUrl, new() { ["Code"] = wrongCode }, Page: codePage),
            new("second factor off", twoStepSession, SecondFactorSteps.SetupUrl, SecondFactorSteps.SetupUrl + "/disable", twoStepOff),
            new("recovery codes renewed", twoStepSession, SecondFactorSteps.SetupUrl, SecondFactorSteps.SetupUrl + "/recovery-codes", twoStepOff, SecondFactorSteps.SetupUrl + "/disable"),
            // 添加通行密钥 posted without script: explained (the ceremony needs the browser), nothing added.
            new("passkey add", citizenSession, "/my/passkeys", "/my/passkeys/options", new() { ["Form.Name"] = "我的手机", ["Form.CurrentPassword"] = "Wrong#123" }),
            // 注销账号 with a wrong password: refused after every field's check, nothing started. (撤销注销 has no field.)
            new("close account", citizenSession, "/my/closing", "/my/closing", new() { ["Form.CurrentPassword"] = "Wrong#123", ["Form.SmsCode"] = wrongCode }),
            // 下载我的信息: the current password (and the print button's formaction); the copy is never handed out.
            new("data download", citizenSession, "/my/data", download, new() { ["Form.CurrentPassword"] = "Wrong#123" }),
            new("data print", citizenSession, "/my/data", download.Replace("/download", "/print", StringComparison.Ordinal), new() { ["Form.CurrentPassword"] = "Wrong#123" }, download),
            // 身份切换 toward an authorisation that is not the person's: refused whatever else is sent.
            // (接受 / 拒绝 have no field: their only input, the id in the address, is a route constraint.)
            new("acting", citizenSession, "/my/acting", "/my/acting", new() { ["Identity"] = Guid.NewGuid().ToString("N"), ["MakeDefault"] = "true" }),
            new("staff login", factory.NewSession(), "/counter/login", "/counter/login", new() { ["LoginName"] = "nobody_here", ["Password"] = "Wrong#123" }),
            new("staff password", clerk, "/counter/password", "/counter/password", new() { ["CurrentPassword"] = "Wrong#123", ["Password"] = "New#Pass123", ["ConfirmPassword"] = "New#Pass123" }),
            new("counter request", clerk, $"/counter/requests/new?accountId={accountId}&kind=ReservedPhone", "/counter/requests/new", new()
            {
                ["UserType"] = nameof(CounterUserType.Person),
                ["NewPhone"] = citizen.Phone,
                ["ByAgent"] = "true",
                ["AgentName"] = stranger.Name,
                ["AgentIdNumber"] = stranger.IdNumber,
                ["LetterDate"] = "2020-01-01",
            }),
            new("new staff", adminSession, "/counter/staff/new", "/counter/staff/new", new() { ["LoginName"] = admin.LoginName, ["Name"] = "王测试", ["Roles"] = StaffRole.Clerk }),
            new("client registration", adminSession, "/counter/clients/new", "/counter/clients/new", new()
            {
                ["ClientId"] = (await SsoClient.RegisterAsync(factory, ["profile"])).ClientId, // taken: refused after every other check
                ["Name"] = "测试业务系统",
                ["RedirectUris"] = "https://cases.example.gov.cn/signin-oidc",
                ["Scopes"] = "openid",
                ["Confidential"] = "true",
                ["MinimumLevel"] = "3",
                ["Sector"] = "shebao",
                ["BackChannelLogoutUri"] = "https://cases.example.gov.cn/backchannel-logout",
            }),

            // 经办人管理: a third administrator, and the person already authorised (refused by the service, after
            // every field's check, even for the corpus's one valid ID number); the change form's version is stale.
            new("agent grant", organisationSession, "/my/agents", "/my/agents", new()
            {
                ["PersonName"] = citizen.Name,
                ["PersonIdNumber"] = citizen.IdNumber,
                ["Role"] = "Administrator",
                ["AllSystems"] = "true",
                ["StartsOn"] = Agents.AgentPages.Date(today),
                ["EndsOn"] = Agents.AgentPages.Date(today.AddDays(30)),
            }),
            new("agent change", organisationSession, $"/my/agents/{authorizationId}", $"/my/agents/{authorizationId}", new()
            {
                ["Version"] = Guid.NewGuid().ToString(),
                ["Role"] = "Agent",
                ["AllSystems"] = "true",
                ["StartsOn"] = Agents.AgentPages.Date(today),
                ["EndsOn"] = Agents.AgentPages.Date(today.AddDays(30)),
            }),
        ];
    }

    [Fact]
    public async Task Agent_forms_without_their_antiforgery_token_or_with_a_mistyped_version_change_nothing()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.GrantAgentAsync(organisation, citizen);
        var before = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id));
        var today = Domain.Identifiers.ChinaTime.Today(factory.Clock);
        var terms = new Dictionary<string, string?>
        {
            ["Role"] = "Administrator",
            ["AllSystems"] = "true",
            ["StartsOn"] = Agents.AgentPages.Date(today),
            ["EndsOn"] = Agents.AgentPages.Date(today.AddDays(30)),
        };
        var (stranger, _) = await factory.RegisteredCitizenAsync();
        var grant = new Dictionary<string, string?>(terms) { ["PersonName"] = stranger.Name, ["PersonIdNumber"] = stranger.IdNumber };

        foreach (var (url, fields) in new[] { ("/my/agents", grant), ($"/my/agents/{id}", new Dictionary<string, string?>(terms) { ["Version"] = before.Version.ToString() }), ($"/my/agents/{id}/withdraw", []) })
        {
            var refused = await session.PostAsync(url, fields);
            Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
            Assert.Contains("请求有误", refused.Body, StringComparison.Ordinal);
        }

        var edit = await session.GetPageAsync($"/my/agents/{id}");
        var mistyped = await session.SubmitAsync(edit, $"/my/agents/{id}", new Dictionary<string, string?>(terms) { ["Version"] = "not-a-version" });
        Assert.Equal(HttpStatusCode.OK, mistyped.Status);
        Assert.NotEmpty(mistyped.Errors);

        var after = await factory.QueryAsync(db => db.AgentAuthorizations.SingleAsync(a => a.Id == id));
        Assert.Equal((before.Version, before.Role, before.Status), (after.Version, after.Role, after.Status));
        Assert.Equal(1, await factory.QueryAsync(db => db.AgentAuthorizations.CountAsync(a => a.OrganisationAccountId == before.OrganisationAccountId)));
    }

    /// <summary>
    /// 退出该设备's only input is the session id in the address: hostile text, another account's session,
    /// this browser's own, an unknown id or a missing token end nothing and never answer 500.
    /// </summary>
    [Fact]
    public async Task Sign_in_session_ids_that_are_not_the_accounts_other_sessions_end_nothing()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var (stranger, _) = await factory.RegisteredCitizenAsync();
        var strangerId = await factory.PersonIdAsync(stranger);
        var accountId = await factory.PersonIdAsync(citizen);
        var theirs = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == strangerId).Select(s => s.Id).SingleAsync());
        var own = await factory.QueryAsync(db => db.SignInSessions.Where(s => s.AccountId == accountId).Select(s => s.Id).SingleAsync());
        var token = CounterDeskSteps.Token(await session.GetPageAsync("/my/sign-ins"));
        // (A NUL cannot travel in a path: the test client refuses it, as any HTTP client would.)
        var ids = Corpus.Where(v => v.Trim().Length > 0 && !v.Contains('\0', StringComparison.Ordinal))
            .Select(v => Uri.EscapeDataString(v.Replace("\uD800\uDBFF", "\uFFFD", StringComparison.Ordinal)))
            .Concat([theirs.ToString("N"), theirs.ToString(), own.ToString("N"), Guid.NewGuid().ToString("N"), theirs.ToString("N").ToUpperInvariant()]);

        foreach (var id in ids)
        {
            var answer = await session.PostAsync($"/my/sign-ins/{id}/end", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
            Assert.True(answer.Status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{id}: {(int)answer.Status}");
        }

        var withoutToken = await session.PostAsync($"/my/sign-ins/{theirs:N}/end", new Dictionary<string, string?>());
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.Status);
        Assert.Equal(0, await factory.QueryAsync(db => db.SignInSessions.CountAsync(s => (s.AccountId == strangerId || s.AccountId == accountId) && s.EndedAt != null)));
    }

    /// <summary>
    /// 通行密钥's script endpoints (JSON, as passkeys.js posts them): every hostile value in every field
    /// is refused with a Chinese message, never a 500, and adds or signs in nothing; a rename of a
    /// passkey the account does not have is 404 whatever the name.
    /// </summary>
    [Fact]
    public async Task Passkey_endpoints_hold_under_hostile_input()
    {
        var (_, session) = await factory.RegisteredCitizenAsync();
        var failures = new List<string>();
        var token = CounterDeskSteps.Token(await session.GetPageAsync("/my/passkeys"));
        var anonymous = factory.NewSession();
        var anonymousToken = CounterDeskSteps.Token(await anonymous.GetPageAsync("/account/login"));
        foreach (var value in Corpus)
        {
            var asked = new (PortalSession Session, string Url, Dictionary<string, string?> Fields)[]
            {
                (session, "/my/passkeys/options", new() { ["Form.Name"] = value, ["Form.CurrentPassword"] = "Wrong#123" }),
                (session, "/my/passkeys/options", new() { ["Form.Name"] = "我的手机", ["Form.CurrentPassword"] = value }),
                (session, "/my/passkeys", new() { ["Form.Name"] = value, ["Form.Credential"] = "{}" }),
                (session, "/my/passkeys", new() { ["Form.Name"] = "我的手机", ["Form.Credential"] = value }),
                (anonymous, "/account/login/passkey", new() { ["Credential"] = value }),
            };
            foreach (var (who, url, fields) in asked)
            {
                fields["__RequestVerificationToken"] = who == session ? token : anonymousToken;
                var answer = await who.PostAsync(url, fields, asScript: true);

                // Control characters are refused for every form before any action (the portal's 请求有误 page).
                if (answer.Status == HttpStatusCode.BadRequest && answer.Body.Contains("请求有误", StringComparison.Ordinal))
                {
                    continue;
                }

                if ((int)answer.Status >= 500 || !answer.Body.Contains("\"ok\":false", StringComparison.Ordinal) || !System.Text.Json.JsonDocument.Parse(answer.Body).RootElement.GetProperty("message").GetString()!.Any(c => c is >= '\u4e00' and <= '\u9fff'))
                {
                    failures.Add($"{url} {Describe(value)}: {(int)answer.Status} {answer.Body[..Math.Min(200, answer.Body.Length)]}");
                }
            }

            var rename = await session.PostAsync("/my/passkeys/AAAA/rename", new Dictionary<string, string?> { ["Form.Name"] = value, ["__RequestVerificationToken"] = token });
            if (rename.Status is not (HttpStatusCode.NotFound or HttpStatusCode.BadRequest))
            {
                failures.Add($"rename {Describe(value)}: {(int)rename.Status}");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures) + factory.LoggedErrors());
        Assert.Equal(0, await factory.QueryAsync(db => db.Set<Microsoft.AspNetCore.Identity.IdentityUserPasskey<Guid>>().CountAsync()));
        using var my = await anonymous.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, my.StatusCode);
    }

    /// <summary>
    /// The 隐私政策 form's hidden fields (the version shown, the way back): a hostile version records
    /// nothing, and no return address leads off the portal, whatever it says.
    /// </summary>
    [Fact]
    public async Task Privacy_acceptance_holds_under_hostile_version_and_return_address()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var id = await factory.PersonIdAsync(citizen);
        var token = CounterDeskSteps.Token(await session.GetPageAsync("/my"));
        var accepted = await factory.QueryAsync(db => db.PrivacyAcceptances.CountAsync(a => a.AccountId == id));
        foreach (var value in Corpus.Concat(["//evil.example", "https://evil.example/", "/\\evil.example", "javascript:alert(1)"]))
        {
            var version = await session.PostAsync("/account/privacy", new Dictionary<string, string?> { ["version"] = value, ["returnUrl"] = "/my", ["__RequestVerificationToken"] = token });
            Assert.True((int)version.Status < 500 && (version.Status == HttpStatusCode.BadRequest || version.Body.Contains(Domain.Privacy.PrivacyMessages.VersionChanged, StringComparison.Ordinal)), $"version {Describe(value)}: {(int)version.Status}");
            var back = await session.PostAsync("/account/privacy", new Dictionary<string, string?> { ["version"] = Domain.Privacy.PrivacyPolicies.Baseline, ["returnUrl"] = value, ["__RequestVerificationToken"] = token });
            Assert.True(back.Status == HttpStatusCode.BadRequest || back.Location is "/my" || back.Location?.StartsWith('/') == true && !back.Location.StartsWith("//", StringComparison.Ordinal) && !back.Location.StartsWith("/\\", StringComparison.Ordinal), $"returnUrl {Describe(value)}: {(int)back.Status} {back.Location}");
        }

        Assert.Equal(accepted, await factory.QueryAsync(db => db.PrivacyAcceptances.CountAsync(a => a.AccountId == id)));
    }

    /// <summary>The named inputs a person can type into or choose from (not hidden fields, files or buttons).</summary>
    private static List<string> VisibleFields(IDocument page, string action) =>
        page.QuerySelectorAll<IHtmlFormElement>("form").Single(f => f.GetAttribute("action") == action)
            .Elements.OfType<IElement>()
            .Where(e => e is IHtmlInputElement { Type: not ("hidden" or "file" or "submit" or "button") } or IHtmlSelectElement or IHtmlTextAreaElement)
            .Select(e => e.GetAttribute("name")!)
            .Where(name => !string.IsNullOrEmpty(name))
            .Distinct()
            .ToList();

    private static string? Problem(PortalSession.Submitted answer, string value)
    {
        if ((int)answer.Status >= 500)
        {
            return $"answered {(int)answer.Status}";
        }

        if (Markup.Contains(value) && answer.Body.Contains(value, StringComparison.Ordinal))
        {
            return "reflected unescaped";
        }

        if (answer.Status == HttpStatusCode.Redirect)
        {
            return $"accepted (redirect to {answer.Location})";
        }

        var messages = answer.Status == HttpStatusCode.OK
            ? answer.Errors
            : [answer.Page.QuerySelector("h1")?.TextContent ?? string.Empty];
        return messages.Any(m => m.Any(c => c is >= '\u4e00' and <= '\u9fff')) ? null : $"no Chinese message ({(int)answer.Status})";
    }

    private Task<string> BusinessRowsAsync() => factory.QueryAsync(async db =>
        string.Join(
            ",",
            await db.Users.CountAsync(),
            await db.PersonProfiles.CountAsync(),
            await db.LegalEntityProfiles.CountAsync(),
            await db.ReservedPhoneChanges.CountAsync(),
            await db.CounterRequests.CountAsync(),
            await db.AgentAuthorizations.CountAsync(a => a.IsDefault),
            await db.SignInSessions.CountAsync(s => s.ActingAuthorizationId != null),
            await db.StaffProfiles.CountAsync(),
            await db.AgentAuthorizations.CountAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == Domain.Audit.AuditAction.AgentChanged),
            await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().CountAsync()));

    private static string Describe(string value) => value.Length > 20 ? $"[{value.Length} chars]" : System.Text.Json.JsonSerializer.Serialize(value);
}

public sealed class BadInputTestsOnSqlite(SqlitePortalFactory factory) : BadInputTests<SqlitePortalFactory>(factory);

public sealed class BadInputTestsOnPostgreSql(PostgreSqlPortalFactory factory) : BadInputTests<PostgreSqlPortalFactory>(factory);
