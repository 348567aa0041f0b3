using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// axe-core over the pages behind a sign-in: 我的账号, the consent and logout pages, 我的办件, and every
/// screen of the counter; each at 1366 and 390 px. WCAG 2.1 A/AA: no violation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilitySignedInBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_citizen_s_pages_consent_logout_and_my_cases_have_no_wcag_2_1_aa_violation()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        const string clientId = "wode-banjian-axe";
        var (cases, casesAddress) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, clientId, "证明开具服务（无障碍测试）");
        await using var _ = cases;

        var scans = new Scans();
        var page = await browser.NewPageAsync();

        // 我的办件 signed out, then its way to the portal: login (naming the way back) and consent.
        await scans.AtBothWidthsAsync(page, casesAddress.ToString());
        await page.GotoAsync(casesAddress + "cases");
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
        await scans.AtBothWidthsAsync(page, page.Url);
        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await page.Locator("[data-consent-page]").WaitForAsync();
        await scans.AtBothWidthsAsync(page, page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }).ClickAsync();
        await Navigation.ArriveAsync(page, casesAddress + "cases");

        // 我的办件 signed in: the list and the form, with its errors shown.
        await scans.AtBothWidthsAsync(page, casesAddress + "cases");
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();
        await scans.AtBothWidthsAsync(page, page.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.Locator("[data-form-error]").WaitForAsync();
        await scans.HereAsync(page, "我的办件 form with errors");

        // The portal's own pages for the signed-in citizen, and the logout confirmation.
        foreach (var path in new[] { "/", "/my", "/guide/templates/1", "/connect/logout" })
        {
            await scans.AtBothWidthsAsync(page, browser.BaseAddress + path.TrimStart('/'));
        }

        await page.Context.CloseAsync();
        scans.Report(output);
    }

    [Fact]
    public async Task Every_counter_screen_has_no_wcag_2_1_aa_violation()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var (loginName, password) = await browser.Portal.CreateStaffAsync(StaffRole.Clerk, StaffRole.Supervisor, StaffRole.Administrator);
        var scans = new Scans();
        var page = await browser.NewPageAsync();

        await page.GotoAsync("/counter/login");
        await page.GetByLabel("登录账号").FillAsync(loginName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.Locator("[data-authenticator-key]").WaitForAsync();
        await scans.AtBothWidthsAsync(page, page.Url, reload: false);
        var key = (await page.Locator("[data-authenticator-key]").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("新密码").FillAsync(StaffJourney.StaffPassword);
        await page.GetByLabel("确认密码").FillAsync(StaffJourney.StaffPassword);
        await page.GetByLabel("动态验证码").FillAsync(StaffMember.Code(key, browser.Portal.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "绑定并登录" }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/counter");

        // Find the citizen, open a phone change, and visit every list and form.
        await page.GotoAsync($"/counter/accounts?q={citizen.IdNumber}");
        await Navigation.ArriveAsync(page, "**/counter/accounts/*");
        var account = new Uri(page.Url).AbsolutePath;
        var accountId = account[(account.LastIndexOf('/') + 1)..];
        await page.GotoAsync($"/counter/requests/new?accountId={accountId}&kind=ReservedPhone");
        await page.GetByLabel("新手机号").FillAsync(Citizen.NewPhone());
        await page.GetByRole(AriaRole.Button, new() { Name = "创建申请并显示材料清单" }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/counter/requests/*");
        var request = new Uri(page.Url).AbsolutePath;

        // 设定单位管理员 for an organisation: its form and its request page.
        var organisationId = await browser.Portal.OrganisationIdAsync(await browser.Portal.SeedOrganisationAsync());
        var administrator = $"/counter/requests/new?accountId={organisationId}&kind=OrganisationAdministrator";
        await page.GotoAsync(administrator);
        var agent = Citizen.New();
        await page.GetByLabel("被授权人姓名").FillAsync(agent.Name);
        await page.GetByLabel("被授权人身份证号").FillAsync(agent.IdNumber);
        await page.GetByLabel("委托日期").FillAsync(ShanxiIdentity.Domain.Identifiers.ChinaTime.Today(browser.Portal.Clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByRole(AriaRole.Button, new() { Name = "创建申请并显示材料清单" }).ClickAsync();
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/counter/requests/[0-9a-f-]{36}$"));
        var administratorRequest = new Uri(page.Url).AbsolutePath;

        // 接入系统's page of a client system with a back-channel logout given up (the table its administrator reads).
        var client = await SsoClient.RegisterAsync(browser.Portal, ["profile"], backChannelLogout: true);
        await using (var scope = browser.Portal.CreateScope())
        {
            var now = browser.Portal.Clock.GetUtcNow().UtcDateTime;
            var givenUp = ShanxiIdentity.Data.Entities.BackChannelLogout.Queue(client.ClientId, "subject", null, "signed-out", now);
            givenUp.Failed(now, "HTTP 500", TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), maxAttempts: 1);
            var db = scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>();
            db.BackChannelLogouts.Add(givenUp);
            await db.SaveChangesAsync();
        }

        foreach (var path in new[]
                 {
                     $"/counter/clients/{client.ClientId}",
                     "/counter", "/counter/accounts", account, $"/counter/requests/new?accountId={accountId}&kind=ReservedPhone",
                     request, "/counter/requests", "/counter/staff", "/counter/staff/new", "/counter/clients",
                     "/counter/clients/new", "/counter/audit", "/counter/password", administrator, administratorRequest,
                 })
        {
            await scans.AtBothWidthsAsync(page, browser.BaseAddress + path.TrimStart('/'));
        }

        await page.Context.CloseAsync();
        scans.Report(output);
    }

    /// <summary>The violations found so far, and how many scans found them.</summary>
    private sealed class Scans
    {
        private readonly List<string> _findings = [];
        private int _count;

        public async Task AtBothWidthsAsync(IPage page, string url, bool reload = true)
        {
            foreach (var width in AccessibilityBrowserTests.Widths)
            {
                await page.SetViewportSizeAsync(width, 900);
                if (reload)
                {
                    await page.GotoAsync(url);
                }

                await HereAsync(page, $"{new Uri(page.Url).PathAndQuery} @{width}");
            }
        }

        public async Task HereAsync(IPage page, string where)
        {
            _findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where));
            _count++;
        }

        public void Report(ITestOutputHelper output)
        {
            foreach (var finding in _findings)
            {
                output.WriteLine(finding);
            }

            Console.WriteLine($"Suite count: accessibility (signed in), {_count} pages scanned by axe-core (WCAG 2.1 A/AA), {_findings.Count} violations.");
            Assert.True(_findings.Count == 0, string.Join(Environment.NewLine, _findings.Take(40)));
        }
    }
}
