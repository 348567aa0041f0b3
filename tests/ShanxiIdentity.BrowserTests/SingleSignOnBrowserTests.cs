using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.MyCases.Models;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Single sign-on end to end in Chromium: the 我的办件 sample sends the person to the portal, the
/// portal logs them in and asks for consent, and they come back signed in; then the seed's
/// question 12 for real (带星号为必填项, 暂存, delete the draft, fill in again), and logout.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SingleSignOnBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_citizen_signs_in_to_my_cases_through_the_portal_and_handles_a_draft()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        const string clientId = "wode-banjian-browser";
        var (cases, casesAddress) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, clientId, "我的办件（浏览器测试）");
        await using var _ = cases;

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(casesAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();

        // At the portal: its own login page, then the consent page naming the system and the ID number.
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await page.Locator("[data-consent-page]").WaitForAsync();
        Assert.Equal("我的办件（浏览器测试）", await page.Locator("[data-client-name]").TextContentAsync());
        Assert.Contains("完整的身份证号", await page.Locator("[data-requested-scopes]").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "sso-1-consent");
        await page.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }).ClickAsync();

        // Back at 我的办件, signed in as the citizen, on the page asked for.
        await Navigation.ArriveAsync(page, casesAddress + "cases");
        Assert.Equal(citizen.Name, await page.Locator("[data-signed-in-as]").TextContentAsync());

        // 提交 with starred fields empty: 带星号为必填项, nothing lost.
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();
        Assert.Equal(citizen.Name, await page.GetByLabel("申请人姓名").InputValueAsync());
        await page.GetByLabel("证明用途").FillAsync("办理入学");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        Assert.Equal(SeedMessages.StarredFieldsRequired, await page.Locator("[data-form-error]").TextContentAsync());
        Assert.Equal("办理入学", await page.GetByLabel("证明用途").InputValueAsync());
        await BrowserFixture.ScreenshotAsync(page, "sso-2-starred-fields");

        // 暂存 keeps the incomplete form; 我的办件 lists it; deleting it and filling in again submits.
        await page.GetByRole(AriaRole.Button, new() { Name = "暂存" }).ClickAsync();
        await page.Locator("[data-status]").GetByText(CaseMessages.DraftSaved).WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-case-status=Draft]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "sso-3-my-cases-draft");
        await page.Locator("[data-delete-draft]").ClickAsync();
        await page.Locator("[data-status]").GetByText(CaseMessages.DraftDeleted).WaitForAsync();
        Assert.Equal(0, await page.Locator("[data-case]").CountAsync());

        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();
        await page.GetByLabel("证明类型").SelectOptionAsync("户籍证明");
        await page.GetByLabel("证明用途").FillAsync("办理入学");
        await page.GetByLabel("联系电话").FillAsync(citizen.Phone);
        await page.GetByLabel("领取方式").SelectOptionAsync("窗口领取");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.Locator("[data-status]").GetByText(CaseMessages.Submitted, new() { Exact = false }).WaitForAsync();
        Assert.Equal(1, await page.Locator("[data-case-status=Submitted]").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "sso-4-submitted");

        // 退出 here ends the portal session too (RP-initiated logout with the identity token).
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Navigation.ArriveAsync(page, casesAddress.ToString());
        await page.GotoAsync(browser.BaseAddress + "my");
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
    }

    [Fact]
    public async Task An_agent_signs_in_to_my_cases_as_the_organisation_chosen_on_the_consent_page()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var organisation = await browser.Portal.SeedOrganisationAsync();
        await browser.Portal.AuthorisedAgentAsync(organisation, citizen);
        var (cases, casesAddress) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, "wode-banjian-agent", "我的办件（经办人测试）");
        await using var _ = cases;

        var page = await browser.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(casesAddress.ToString());
        await page.GetByRole(AriaRole.Link, new() { Name = "在线申请" }).ClickAsync();
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);

        // The consent page offers 以个人身份 and the organisation whose authorisation covers 我的办件.
        await page.Locator("[data-acting-choice]").WaitForAsync();
        Assert.Equal(2, await page.Locator("[data-acting-choice] input[type=radio]").CountAsync());
        Assert.Empty(await AccessibilityBrowserTests.ScanAsync(page, "consent with 办事身份 @390"));
        await page.GetByLabel(organisation.Name, new() { Exact = false }).CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "sso-5-consent-as-organisation");
        await page.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }).ClickAsync();

        // 我的办件 says for whom the person handles the cases.
        await Navigation.ArriveAsync(page, casesAddress + "cases");
        var acting = await page.Locator("[data-acting-for]").TextContentAsync();
        Assert.Contains($"以 {organisation.Name} 名义办理", acting, StringComparison.Ordinal);
        Assert.Contains($"经办人：{citizen.Name}", acting, StringComparison.Ordinal);
        Assert.Equal(citizen.Name, await page.Locator("[data-signed-in-as]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "sso-6-my-cases-as-organisation");
    }
}
