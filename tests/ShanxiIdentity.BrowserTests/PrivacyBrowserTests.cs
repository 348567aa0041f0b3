using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;
using ShanxiIdentity.Web.Tests.Privacy;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// A new 隐私政策 version in Chromium (a portal of its own, where version 2 is published): at the
/// next sign-in the person sees what changed and accepts it with the keyboard, then reaches the page
/// they asked for; at phone width and on the desktop, without WCAG 2.1 AA violations, normal and in 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PrivacyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_new_policy_version_is_accepted_at_the_next_sign_in_before_going_on()
    {
        await using var portal = new BrowserPortalFactory(NewPolicy.Publish);
        await portal.InitializeAsync();
        portal.UseKestrel(portal.Port);
        portal.StartServer();
        var findings = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var citizen = await portal.SeedCitizenAsync(); // registered before version 2: stands on version 1
            var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = $"http://127.0.0.1:{portal.Port}/",
                ViewportSize = new ViewportSize { Width = width, Height = 900 },
                Locale = "zh-CN",
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/my/sign-ins");
            await Navigation.ArriveAsync(page, "**/account/login**");
            await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
            await Navigation.ArriveAsync(page, "**/account/privacy**");
            Assert.Contains(NewPolicy.Change, await page.Locator("[data-policy-changes]").TextContentAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"/account/privacy scrolls sideways @{width}");
            await BrowserFixture.ScreenshotAsync(page, $"privacy-new-version-{width}");
            await PersonalDataBrowserTests.ScanBothAsync(page, $"/account/privacy @{width}", findings);

            // Nothing else opens before it is accepted.
            await page.GotoAsync("/my");
            await Navigation.ArriveAsync(page, "**/account/privacy**");
            await page.GotoAsync("/my/sign-ins");
            await Navigation.ArriveAsync(page, "**/account/privacy**");
            await new KeyboardOnly(page).PressAsync(page.Locator("[data-accept-policy]"), "Enter");
            await Navigation.ArriveAsync(page, "**/my/sign-ins");
            var id = await portal.PersonIdAsync(citizen);
            Assert.Equal(NewPolicy.Version, await portal.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.PrivacyVersion).SingleAsync()));
            await context.CloseAsync();
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task One_who_will_not_accept_reaches_the_halls_and_materials_the_closing_page_points_to()
    {
        // The policy page offers 申请注销账号; /my/closing sends one without a usable phone to a 政务大厅 with
        // the 办理材料. Before, both public pages sent the signed-in person back to /account/privacy.
        await using var portal = new BrowserPortalFactory(NewPolicy.Publish);
        await portal.InitializeAsync();
        portal.UseKestrel(portal.Port);
        portal.StartServer();
        var citizen = await portal.SeedCitizenAsync();
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = $"http://127.0.0.1:{portal.Port}/",
            ViewportSize = new ViewportSize { Width = 390, Height = 900 },
            Locale = "zh-CN",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/account/privacy**");
        var keys = new KeyboardOnly(page);
        await keys.PressAsync(page.Locator("[data-close-account]"), "Enter");
        await Navigation.ArriveAsync(page, "**/my/closing");
        await keys.PressAsync(page.Locator("[data-closing-counter] a", new() { HasTextString = "查找政务大厅" }), "Enter");
        await Navigation.ArriveAsync(page, "**/halls");
        await page.GoBackAsync();
        await Navigation.ArriveAsync(page, "**/my/closing");
        await keys.PressAsync(page.Locator("[data-closing-counter] a", new() { HasTextString = "查看办理材料" }), "Enter");
        await Navigation.ArriveAsync(page, "**/guide/**");
        Assert.DoesNotContain("/account/privacy", page.Url, StringComparison.Ordinal);
        await context.CloseAsync();
    }
}
