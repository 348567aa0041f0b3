using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 注销账号 on a phone by keyboard: the password and an SMS code on /my/closing, the cooling-off page,
/// then the closing task run as the retention job would after the cooling-off, and the same ID number
/// registers again; both new pages scanned normal and 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class ClosingBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_citizen_closes_the_account_by_keyboard_at_390_px_and_the_id_number_registers_again()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);
        var findings = new List<string>();

        await page.GotoAsync("/account/login");
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        await keys.PressAsync(page.Locator("[data-closing-link]"), "Enter");
        await Navigation.ArriveAsync(page, "**/my/closing");
        findings.AddRange(await BothModesAsync(page, "/my/closing @390"));

        await keys.TypeIntoAsync(page.GetByLabel("当前密码"), citizen.Password);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }), "Enter");
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await keys.TypeIntoAsync(page.GetByLabel("短信验证码"), await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "确认注销账号" }), "Enter");
        await Navigation.ArriveAsync(page, "**/account/closing");
        await page.Locator("[data-closing-cancel]").WaitForAsync();
        findings.AddRange(await BothModesAsync(page, "/account/closing @390"));
        await BrowserFixture.ScreenshotAsync(page, "closing-cooling-off-390");
        await page.Context.CloseAsync();

        // The retention job's run after the cooling-off (its `now` moved; the shared test clock is not).
        Assert.True(await browser.Portal.RunClosingTaskAsync(browser.Portal.AfterCoolingOff()) >= 1);

        // The same person registers again with the same ID number and phone.
        await browser.Portal.AddResidentAsync(citizen);
        browser.Portal.Clock.Advance(SmsCodeService.ResendInterval);
        var again = await browser.NewPageAsync(width: 390, height: 900);
        await again.GotoAsync("/account/register");
        await again.GetByLabel("姓名").FillAsync(citizen.Name);
        await again.GetByLabel("身份证号").FillAsync(citizen.IdNumber);
        await again.GetByLabel("手机号").FillAsync(citizen.Phone);
        await again.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await again.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await again.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await again.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await again.GetByLabel("密码", new() { Exact = true }).FillAsync(citizen.Password);
        await again.GetByLabel("确认密码").FillAsync(citizen.Password);
        await again.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await again.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await again.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(again, "**/my");
        Assert.Equal(citizen.MaskedIdNumber, await again.Locator("[data-field=id-number]").TextContentAsync());
        await again.Context.CloseAsync();

        findings.ForEach(output.WriteLine);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }

    [Fact]
    public async Task At_desktop_width_the_form_s_errors_and_an_organisation_s_list_of_what_to_end_first_have_no_violations()
    {
        var findings = new List<string>();
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.LogInAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/my");
        await page.GotoAsync("/my/closing");
        await page.GetByLabel("当前密码").FillAsync("Wrong#Password1");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认注销账号" }).ClickAsync();
        await page.Locator("[data-error-summary]").WaitForAsync();
        findings.AddRange(await BothModesAsync(page, "/my/closing (errors) @1280"));
        await page.Context.CloseAsync();

        var organisation = await browser.Portal.SeedOrganisationAsync();
        await browser.Portal.GrantAgentAsync(organisation, Citizen.New());
        var legal = await browser.NewPageAsync();
        await legal.LogInAsync(organisation.LoginName, organisation.Password, legal: true);
        await Navigation.ArriveAsync(legal, "**/my");
        await legal.GotoAsync("/my/closing");
        await legal.Locator("[data-closing-blockers]").WaitForAsync();
        Assert.Equal(0, await legal.Locator("[data-closing-form]").CountAsync());
        findings.AddRange(await BothModesAsync(legal, "/my/closing (organisation, blocked) @1280"));
        await BrowserFixture.ScreenshotAsync(legal, "closing-organisation-blocked-1280");
        await legal.Context.CloseAsync();

        findings.ForEach(output.WriteLine);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }

    /// <summary>Scans the page as it is, then in 长辈版 (switched on and off again with its own button).</summary>
    private static async Task<List<string>> BothModesAsync(IPage page, string where)
    {
        var findings = (await AccessibilityBrowserTests.ScanAsync(page, where)).ToList();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长辈版" });
        await toggle.ClickAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where + " (长辈版)"));
        await toggle.ClickAsync();
        return findings;
    }
}
