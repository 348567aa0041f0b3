using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 两步验证 on a phone with the keyboard alone: turned on from 我的账号 with an authenticator (the
/// code computed from the key the page shows, as an app would), then a sign-in with password and
/// code; each new page without WCAG 2.1 AA violations.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SecondFactorBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_turns_on_an_authenticator_and_signs_in_with_it_by_keyboard_at_390_px()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);
        var findings = new List<string>();

        await page.GotoAsync("/account/login");
        await LogInAsync(keys, page, citizen);
        await Navigation.ArriveAsync(page, "**/my");
        await keys.PressAsync(page.Locator("[data-second-factor-link]"), "Enter");
        await Navigation.ArriveAsync(page, "**/my/second-factor");
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/my/second-factor @390"));

        var key = (await page.Locator("[data-authenticator-key]").GetAttributeAsync("data-authenticator-key"))!;
        await keys.TypeIntoAsync(page.GetByLabel("当前密码"), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), NextCode(key));
        await keys.PressAsync(page.Locator("[data-enable]"), "Enter");
        await page.Locator("[data-recovery-codes]").WaitForAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/my/second-factor (recovery codes) @390"));
        await page.Context.CloseAsync();

        var again = await browser.NewPageAsync(width: 390, height: 900);
        var againKeys = new KeyboardOnly(again);
        await again.GotoAsync("/account/login");
        await LogInAsync(againKeys, again, citizen);
        await again.Locator("form[action='/account/second-factor']").WaitForAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(again, "/account/second-factor @390"));
        await againKeys.TypeIntoAsync(again.GetByLabel("验证码", new() { Exact = true }), NextCode(key));
        await againKeys.PressAsync(again.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }), "Enter");
        await Navigation.ArriveAsync(again, "**/my");
        await again.Context.CloseAsync();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    private static async Task LogInAsync(KeyboardOnly keys, IPage page, Citizen citizen)
    {
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
    }

    /// <summary>What the app shows for the next step by the portal's clock (each step is accepted once).</summary>
    private string NextCode(string key)
    {
        browser.Portal.Clock.Advance(TimeSpan.FromSeconds(30));
        return StaffMember.Code(key, browser.Portal.Clock);
    }
}
