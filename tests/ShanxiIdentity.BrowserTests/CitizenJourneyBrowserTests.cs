using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>The citizen's whole journey in a real browser, with its scripts running.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CitizenJourneyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Register_log_out_fail_to_log_in_reset_the_password_by_sms_and_log_in()
    {
        var citizen = Citizen.New();
        await browser.Portal.AddResidentAsync(citizen);
        var page = await browser.NewPageAsync(width: 414, height: 900);

        // 个人注册, with the SMS button's script and countdown.
        await page.GotoAsync("/account/register");
        await page.GetByLabel("姓名").FillAsync(citizen.Name);
        await page.GetByLabel("身份证号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("手机号").FillAsync(citizen.Phone);
        var firstCaptcha = await page.Locator("[data-captcha-id]").InputValueAsync();
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        Assert.True(await page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("秒后重新获取") }).IsDisabledAsync());

        // The send spent the captcha: the script put a fresh one in its place, to answer before 注册.
        Assert.NotEqual(firstCaptcha, await page.Locator("[data-captcha-id]").InputValueAsync());
        Assert.Equal(string.Empty, await page.GetByLabel("验证码", new() { Exact = true }).InputValueAsync());
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByLabel("确认密码").FillAsync(citizen.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-1-register");
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        Assert.Equal(citizen.MaskedIdNumber, await page.Locator("[data-field=id-number]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(page, "journey-2-my-account");

        // 退出 from the (collapsed, on a phone) menu.
        // Wait for the menu to finish opening, as a person would, before pressing 退出 in it.
        await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
        await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Navigation.ArriveAsync(page, browser.BaseAddress.ToString());

        // 登录 with the wrong password.
        await page.LogInAsync(citizen.IdNumber, "Wrong#Password1");
        await page.Locator("#Password-error").GetByText(SeedMessages.WrongUserNameOrPassword).WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "journey-3-wrong-password");

        // 忘记密码, with the code the phone received.
        await page.Locator("[data-hint=wrong-password]").GetByRole(AriaRole.Link, new() { Name = "忘记密码" }).ClickAsync();
        await page.GetByLabel("账号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.GetByText(AccountMessages.ResetCodeGoesToReservedPhone).WaitForAsync();
        browser.Portal.Clock.Advance(SmsCodeService.ResendInterval); // the registration code went to this phone a moment ago
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSentToReservedPhone).WaitForAsync();
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        const string newPassword = "Reset#Jinci9x!";
        await page.GetByLabel("新密码").FillAsync(newPassword);
        await page.GetByLabel("确认密码").FillAsync(newPassword);
        await BrowserFixture.ScreenshotAsync(page, "journey-4-reset");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交" }).ClickAsync();
        await page.GetByText(AccountMessages.PasswordResetDone).WaitForAsync();

        // 登录 with the new password.
        await page.SubmitLoginAsync(citizen.IdNumber, newPassword);
        await Navigation.ArriveAsync(page, "**/my");
        await BrowserFixture.ScreenshotAsync(page, "journey-5-logged-in");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Captcha_refresh_swaps_the_image_and_its_id()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        var before = await page.Locator("[data-captcha-id]").InputValueAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "看不清？换一张" }).ClickAsync();
        await page.WaitForFunctionAsync($"() => document.querySelector('[data-captcha-id]').value !== '{before}'");

        var after = await page.Locator("[data-captcha-id]").InputValueAsync();
        Assert.EndsWith(after, await page.Locator("[data-captcha-image]").GetAttributeAsync("src"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-captcha-image]').naturalWidth > 0"));
        await page.Context.CloseAsync();
    }
}
