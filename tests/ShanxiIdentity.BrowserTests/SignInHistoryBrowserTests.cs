using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 登录记录 with two browsers (two contexts, as two devices): the first lists both, ends the other
/// with the keyboard, and the other is signed out at its next page; at phone width and on the
/// desktop, the page without WCAG 2.1 AA violations, normal and in 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInHistoryBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_first_browser_lists_both_and_ends_the_other_by_keyboard_which_is_then_signed_out()
    {
        var findings = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var citizen = await browser.Portal.SeedCitizenAsync();
            var mine = await browser.NewPageAsync(width: width, height: 900);
            var other = await browser.NewPageAsync();
            await mine.LogInAsync(citizen.IdNumber, citizen.Password);
            await Navigation.ArriveAsync(mine, "**/my");
            await other.LogInAsync(citizen.IdNumber, citizen.Password);
            await Navigation.ArriveAsync(other, "**/my");

            var keys = new KeyboardOnly(mine);
            await keys.PressAsync(mine.Locator("[data-sign-ins-link]"), "Enter");
            await Navigation.ArriveAsync(mine, "**/my/sign-ins");
            Assert.Equal(2, await mine.Locator("[data-open-sessions] li").CountAsync());
            Assert.Equal(1, await mine.Locator("[data-open-sessions] [data-this-device]").CountAsync());
            Assert.Equal(2, await mine.Locator("[data-recent-sign-ins] li").CountAsync());
            Assert.True(await mine.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"/my/sign-ins scrolls sideways @{width}");
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(mine, $"/my/sign-ins @{width}"));
            await mine.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();
            await mine.ReloadAsync();
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(mine, $"/my/sign-ins (长辈版) @{width}"));
            await BrowserFixture.ScreenshotAsync(mine, $"sign-ins-care-{width}");
            await mine.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();

            await keys.PressAsync(mine.Locator("[data-open-sessions] li:not(:has([data-this-device])) [data-end-session]"), "Enter");
            await mine.Locator("[role=status]").WaitForAsync();
            Assert.True(await mine.Locator("[role=status]").EvaluateAsync<bool>("e => e === document.activeElement"), "focus is not on what 退出该设备 did");
            Assert.Equal(1, await mine.Locator("[data-open-sessions] li").CountAsync());
            await BrowserFixture.ScreenshotAsync(mine, $"sign-ins-{width}");

            await other.GotoAsync("/my");
            await Navigation.ArriveAsync(other, "**/account/login**");
            await mine.GotoAsync("/my");
            Assert.EndsWith("/my", mine.Url, StringComparison.Ordinal);
            await mine.Context.CloseAsync();
            await other.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }
}
