using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class OrganisationJourneyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_branch_registers_naming_its_principal_and_head_office_then_logs_in()
    {
        var branch = Organisation.New(LegalEntityType.EnterpriseBranch);
        await browser.Portal.AddToRegistryAsync(branch);
        var page = await browser.NewPageAsync(width: 414, height: 900);
        await page.GotoAsync("/account/register/legal");

        // Choosing 企业法人（分公司） relabels the representative and shows the head-office field.
        Assert.False(await page.GetByLabel("总公司统一社会信用代码").IsVisibleAsync());
        await page.GetByLabel("法人类型").SelectOptionAsync(new SelectOptionValue { Label = "企业法人（分公司）" });
        await page.GetByLabel("负责人姓名").FillAsync(branch.RepresentativeName);
        await page.GetByLabel("负责人身份证号").FillAsync(branch.RepresentativeIdNumber);
        await page.GetByLabel("总公司统一社会信用代码").FillAsync(branch.HeadOfficeCreditCode!);
        await page.GetByLabel("单位名称").FillAsync(branch.Name);
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(branch.CreditCode);
        await page.GetByLabel("登录账号").FillAsync(branch.LoginName);
        await page.GetByLabel("手机号").FillAsync(branch.Phone);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSent(ShanxiIdentity.Domain.Identifiers.SensitiveText.MaskPhone(branch.Phone))).WaitForAsync();
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(branch.Phone));
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(branch.Password);
        await page.GetByLabel("确认密码").FillAsync(branch.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "branch-1-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        Assert.Equal("企业法人（分公司）", await page.Locator("[data-field=type]").TextContentAsync());
        Assert.Equal(branch.HeadOfficeCreditCode, await page.Locator("[data-field=head-office]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "branch-2-my-account");

        // Wait for the menu to finish opening, as a person would, before pressing 退出 in it.
        await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
        await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Navigation.ArriveAsync(page, browser.BaseAddress.ToString());

        // 法人登录, beside 个人登录, with the login name.
        await page.GotoAsync("/account/login");
        await page.GetByRole(AriaRole.Link, new() { Name = "法人登录" }).ClickAsync();
        await page.GetByLabel("账号").FillAsync(branch.LoginName);
        await page.GetByLabel("密码").FillAsync(branch.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await BrowserFixture.ScreenshotAsync(page, "branch-3-legal-login");
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        Assert.Equal(branch.Name, await page.Locator("[data-field=organisation]").TextContentAsync());
        await page.Context.CloseAsync();
    }
}
