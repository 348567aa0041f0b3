using Microsoft.Playwright;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Issue #21's whole journey in Chromium, nothing arranged behind the pages but the two accounts'
/// existence: an organisation's administrator authorises a person who has no account yet, for
/// one business system; the person registers on a phone, accepts, acts for the organisation in
/// the portal, and signs in to 我的办件 as the organisation; the administrator then sees all of it.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AgentJourneyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task An_administrator_authorises_a_newcomer_who_registers_accepts_and_handles_a_case_for_the_organisation()
    {
        var organisation = await browser.Portal.SeedOrganisationAsync();
        var newcomer = Citizen.New();
        await browser.Portal.AddResidentAsync(newcomer);
        const string casesName = "我的办件（经办人旅程）";
        var (cases, casesAddress) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, "wode-banjian-journey", casesName);
        await using var _ = cases;

        // The administrator (the 法人账号, on a desktop) authorises the newcomer for 我的办件 only.
        var desk = await browser.NewPageAsync(width: 1280, height: 900);
        await desk.LogInAsync(organisation.LoginName, organisation.Password, legal: true);
        await Navigation.ArriveAsync(desk, "**/my");
        await desk.Locator("[data-agents-link]").First.ClickAsync();
        await Navigation.ArriveAsync(desk, "**/my/agents");
        await desk.GetByLabel("姓名").FillAsync(newcomer.Name);
        await desk.GetByLabel("身份证号").FillAsync(newcomer.IdNumber);
        await desk.GetByLabel("仅限以下勾选的系统").CheckAsync();
        await desk.GetByLabel(casesName).CheckAsync();
        await desk.GetByRole(AriaRole.Button, new() { Name = "授权", Exact = true }).ClickAsync();
        await desk.GetByText(AgentMessages.Granted).WaitForAsync();
        var row = desk.Locator("[data-agents] tbody tr", new() { HasText = newcomer.MaskedIdNumber });
        Assert.Equal("待接受", (await row.Locator("[data-state]").TextContentAsync())!.Trim());
        Assert.Contains(casesName, await row.TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(desk, "agent-journey-1-granted");

        // The newcomer registers on a phone; 我的账号 shows the invitation, which they accept.
        var phone = await browser.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/account/register");
        await phone.GetByLabel("姓名").FillAsync(newcomer.Name);
        await phone.GetByLabel("身份证号").FillAsync(newcomer.IdNumber);
        await phone.GetByLabel("手机号").FillAsync(newcomer.Phone);
        await phone.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await phone.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await phone.GetByText(ShanxiIdentity.Domain.Accounts.AccountMessages.SmsSent(newcomer.MaskedPhone)).WaitForAsync();
        await phone.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(newcomer.Phone));
        await phone.GetByLabel("密码", new() { Exact = true }).FillAsync(newcomer.Password);
        await phone.GetByLabel("确认密码").FillAsync(newcomer.Password);
        await phone.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await phone.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(phone, "**/my");
        var invitation = phone.Locator("[data-invitation]", new() { HasText = organisation.Name });
        Assert.Contains(casesName, await invitation.TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(phone, "agent-journey-2-invitation");
        await invitation.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^接受") }).ClickAsync();
        await phone.Locator("[data-authorization]").WaitForAsync();

        // 身份切换 in the portal: the header says for whom the person acts.
        await phone.GetByRole(AriaRole.Link, new() { Name = "切换身份", Exact = true }).ClickAsync();
        await phone.GetByRole(AriaRole.Radio, new() { Name = $"代表{organisation.Name}办事" }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "切换", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(phone, "**/my");
        Assert.Contains($"当前身份：{organisation.Name}（经办人）", await phone.Locator("[data-acting]").InnerTextAsync(), StringComparison.Ordinal);

        // 我的办件: the consent page offers the organisation (its authorisation covers this system);
        // the person chooses it, and 我的办件 handles the case in the organisation's name.
        await phone.GotoAsync(casesAddress.ToString());
        await phone.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();
        await phone.Locator("[data-acting-choice]").WaitForAsync();
        Assert.Empty(await AccessibilityBrowserTests.ScanAsync(phone, "consent with the organisation @390"));
        await phone.GetByLabel(organisation.Name, new() { Exact = false }).CheckAsync();
        await phone.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }).ClickAsync();
        await Navigation.ArriveAsync(phone, casesAddress + "cases");
        var acting = await phone.Locator("[data-acting-for]").TextContentAsync();
        Assert.Contains($"以 {organisation.Name} 名义办理", acting, StringComparison.Ordinal);
        Assert.Contains($"经办人：{newcomer.Name}", acting, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(phone, "agent-journey-3-my-cases-as-organisation");

        // The administrator sees the acceptance and each sign-in in the organisation's name.
        await desk.GotoAsync("/my/agents");
        Assert.Equal("有效", (await row.Locator("[data-state]").TextContentAsync())!.Trim());
        await desk.GotoAsync("/my/agents/activity");
        var activity = await desk.Locator("[data-activity]").InnerTextAsync();
        foreach (var action in new[] { "授权经办人", "接受单位授权", "以单位名义办事", "以单位名义登录业务系统" })
        {
            Assert.Contains(action, activity, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(newcomer.IdNumber, activity, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(desk, "agent-journey-4-activity");
        await desk.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }
}
