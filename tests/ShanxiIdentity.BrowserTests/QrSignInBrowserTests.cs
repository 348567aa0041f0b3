using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.QrLogin;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 扫码登录 (#22) in two browser contexts: a desktop (1280 px) showing the code, a signed-in phone
/// (390 px) opening the code's link and confirming with the keyboard; axe on both, normal and 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class QrSignInBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_phone_signed_in_confirms_the_desktop_s_code_and_the_desktop_becomes_signed_in()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var findings = new List<string>();

        // The phone: no code at its width (it cannot scan its own screen), a hint instead; then signed in.
        var phone = await browser.NewPageAsync(width: 390, height: 900);
        await phone.GotoAsync("/account/login");
        Assert.True(await phone.Locator("[data-qr-phone-hint]").IsVisibleAsync());
        Assert.False(await phone.Locator("[data-qr-sign-in]").IsVisibleAsync());
        await Task.Delay(500);
        Assert.Null(await phone.Locator("[data-qr-image]").GetAttributeAsync("src"));
        await phone.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(phone, "**/my");

        // The desktop: the code, its instructions and the live progress, under axe in both modes.
        var desktop = await browser.NewPageAsync(width: 1280, height: 900);
        await desktop.GotoAsync("/account/login");
        var image = desktop.Locator("img[data-qr-image][data-qr-link]");
        await image.WaitForAsync();
        Assert.Equal(QrSignInMessages.Waiting, (await desktop.Locator("[data-qr-progress]").TextContentAsync())!.Trim());
        Assert.Equal("polite", await desktop.Locator("[data-qr-progress]").GetAttributeAsync("aria-live"));
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(desktop, "/account/login (扫码登录) @1280"));
        await desktop.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(desktop, "/account/login (扫码登录, 长辈版) @1280"));
        await BrowserFixture.ScreenshotAsync(desktop, "qr-login-1280");
        var link = (await image.GetAttributeAsync("data-qr-link"))!;

        // The phone opens the code's link: the desktop is told it was scanned.
        await phone.GotoAsync(link);
        await phone.GetByRole(AriaRole.Heading, new() { Name = "确认在电脑上登录" }).WaitForAsync();
        await desktop.GetByText(QrSignInMessages.Scanned).WaitForAsync();
        Assert.Contains("Chrome", await phone.Locator("[data-qr-browser]").TextContentAsync(), StringComparison.Ordinal);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(phone, "/qr/{id} @390"));
        var keys = new KeyboardOnly(phone);
        await keys.PressAsync(phone.GetByRole(AriaRole.Button, new() { Name = "长辈版" }), "Enter");
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(phone, "/qr/{id} (长辈版) @390"));
        Assert.True(await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the confirmation page scrolls sideways at 390 px");
        await BrowserFixture.ScreenshotAsync(phone, "qr-confirm-390");

        // 确认登录 with the keyboard; the desktop's polling sees it and signs in.
        await keys.PressAsync(phone.GetByRole(AriaRole.Button, new() { Name = "确认登录" }), "Enter");
        await phone.GetByText(QrSignInMessages.ConfirmedOnPhone).WaitForAsync();
        Assert.True(await phone.Locator("[data-qr-answer]").EvaluateAsync<bool>("e => e === document.activeElement"), "the phone's answer does not take focus");
        await Navigation.ArriveAsync(desktop, "**/my");
        await phone.Context.CloseAsync();
        await desktop.Context.CloseAsync();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task An_expired_code_is_hidden_and_刷新二维码_brings_a_new_one_by_keyboard()
    {
        var desktop = await browser.NewPageAsync(width: 1280, height: 900);
        await desktop.GotoAsync("/account/login");
        var image = desktop.Locator("img[data-qr-image][data-qr-link]");
        await image.WaitForAsync();
        var first = await image.GetAttributeAsync("data-qr-link");

        var late = QrSignIns.Lifetime + TimeSpan.FromSeconds(1);
        browser.Portal.Clock.Advance(late);
        try
        {
            var refresh = desktop.GetByRole(AriaRole.Button, new() { Name = "刷新二维码" });
            await refresh.WaitForAsync(new() { Timeout = 10_000 });
            Assert.Equal(QrSignInMessages.Expired, (await desktop.Locator("[data-qr-progress]").TextContentAsync())!.Trim());
            Assert.False(await desktop.Locator("[data-qr-image]").IsVisibleAsync());
            await new KeyboardOnly(desktop).PressAsync(refresh, "Enter");
            await image.WaitForAsync();
            Assert.NotEqual(first, await image.GetAttributeAsync("data-qr-link"));
            Assert.False(await refresh.IsVisibleAsync());
        }
        finally
        {
            browser.Portal.Clock.Advance(-late);
            await desktop.Context.CloseAsync();
        }
    }
}
