using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>短信验证码登录 (#22) on a phone-sized window, with the keyboard alone, and its page under axe.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SmsLoginBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_signs_in_by_sms_at_390_px_with_the_keyboard_alone_and_the_page_passes_axe()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);
        var findings = new List<string>();

        // From the password login to 短信验证码登录 by its link.
        await page.GotoAsync("/account/login");
        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "短信验证码登录" }), "Enter");
        await Navigation.ArriveAsync(page, "**/account/login/sms");
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login/sms @390"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page scrolls sideways at 390 px");

        // The errors shown (nothing typed), then the whole page in 长辈版.
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await page.Locator("[data-error-summary]").WaitForAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login/sms (errors) @390"));
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "长辈版" }), "Enter");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care-mode')"));
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login/sms (长辈版) @390"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "长辈版 scrolls sideways at 390 px");

        await keys.TypeIntoAsync(page.GetByLabel("手机号"), citizen.Phone);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }), "Space");
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.TypeIntoAsync(page.GetByLabel("短信验证码"), await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await BrowserFixture.ScreenshotAsync(page, "sms-login-390");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        await page.Context.CloseAsync();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }
}
