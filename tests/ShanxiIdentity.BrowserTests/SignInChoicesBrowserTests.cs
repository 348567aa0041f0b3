using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// The login page's choices (密码登录, 短信验证码登录, 扫码登录, 使用通行密钥登录) walked with the keyboard alone on
/// a phone (390 px) and on a 1280-px desktop at 200 % zoom (640 CSS px), in 标准版 and 长辈版: visible focus,
/// no sideways scrolling, no WCAG 2.1 AA violation, errors said in Chinese with focus on them and nothing typed lost.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class SignInChoicesBrowserTests(BrowserFixture browser)
{
    /// <summary>A phone, and a 1280-px window at 200 % zoom (the layout of 640 CSS px, a mouse and a keyboard).</summary>
    public static readonly TheoryData<int, bool> Views = new() { { 390, false }, { 390, true }, { 640, false }, { 640, true } };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Each_choice_is_reached_and_told_by_keyboard_without_violations(int width, bool care)
    {
        var page = await OpenAsync(width, care);
        var keys = new KeyboardOnly(page);
        var findings = new List<string>();
        var where = $"@{width}{(care ? " 长辈版" : string.Empty)}";

        await page.GotoAsync("/account/login");
        await Navigation.FollowAsync(page, () => keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "短信验证码登录" }), "Enter"), "**/account/login/sms");
        await AssertReflowsAsync(page, "/account/login/sms " + where);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login/sms " + where));
        await Navigation.FollowAsync(page, () => keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "密码登录" }), "Enter"), "**/account/login");

        // 扫码登录: a computer's window, zoomed in, still shows the code; a phone (which cannot scan itself) gets the hint.
        var progress = page.Locator("[data-qr-progress]");
        if (width == 640)
        {
            await page.Locator("img[data-qr-image][data-qr-link]").WaitForAsync();
            Assert.False(await page.Locator("[data-qr-phone-hint]").IsVisibleAsync());
            Assert.Equal("polite", await progress.GetAttributeAsync("aria-live"));
            Assert.Equal("status", await progress.GetAttributeAsync("role"));
        }
        else
        {
            Assert.True(await page.Locator("[data-qr-phone-hint]").IsVisibleAsync());
            Assert.False(await page.Locator("[data-qr-sign-in]").IsVisibleAsync());
            Assert.Null(await page.Locator("[data-qr-image]").GetAttributeAsync("src"));
        }

        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = PasskeyMessages.SignInButton }), "Shift"); // reached, focus visible
        await page.WaitForTimeoutAsync(400); // the button's colour transition (0.15 s) over: axe judges the focused look, not a frame of the fade
        await AssertReflowsAsync(page, "/account/login " + where);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login " + where));
        await BrowserFixture.ScreenshotAsync(page, $"sign-in-choices-{width}{(care ? "-care" : string.Empty)}");

        // An error: told in Chinese in the summary, which takes focus; the account typed is still there.
        await keys.TypeIntoAsync(page.GetByLabel("账号"), "140105199003071234");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        var summary = page.Locator("[data-error-summary][role=alert]");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "focus is not on the error summary");
        Assert.Contains(SeedMessages.StarredFieldsRequired, await summary.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("140105199003071234", await page.GetByLabel("账号").InputValueAsync());
        await AssertReflowsAsync(page, "/account/login (errors) " + where);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/account/login (errors) " + where));
        await page.Context.CloseAsync();

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task Without_webauthn_the_passkey_button_is_hidden_and_my_passkeys_says_why_before_anything_is_typed()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await OpenAsync(390, care: true, webAuthn: false);
        await page.GotoAsync("/account/login");
        Assert.False(await page.EvaluateAsync<bool>("() => 'PublicKeyCredential' in window"));
        await page.Locator("[data-qr-phone-hint]").WaitForAsync();
        Assert.False(await page.Locator("[data-passkey-signin]").IsVisibleAsync());

        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/my");
        await page.GotoAsync("/my/passkeys");
        await Assertions.Expect(page.Locator("[data-passkey-add] [role=alert]")).ToHaveTextAsync(PasskeyMessages.NeedsScript);
        Assert.False(await page.GetByLabel("当前密码").IsVisibleAsync());
        var findings = await AccessibilityBrowserTests.ScanAsync(page, "/my/passkeys (no WebAuthn, 长辈版) @390");
        await BrowserFixture.ScreenshotAsync(page, "passkeys-unsupported-390-care");
        await page.Context.CloseAsync();

        Assert.Empty(findings);
    }

    [Fact]
    public async Task Two_step_setup_on_a_phone_offers_the_key_as_a_link_and_keeps_it_and_the_zoomed_desktop_s_second_step_tells_errors_with_focus()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await OpenAsync(390, care: true);
        var keys = new KeyboardOnly(page);
        await page.LogInAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/my");
        await page.GotoAsync("/my/second-factor");

        // A phone cannot scan the code on its own screen: the same otpauth:// address is a link to its authenticator app.
        var key = (await page.Locator("[data-authenticator-key]").GetAttributeAsync("data-authenticator-key"))!;
        var link = page.Locator("a[data-authenticator-link]");
        Assert.StartsWith("otpauth://totp/", await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        Assert.Contains("secret=" + key, await link.GetAttributeAsync("href"), StringComparison.Ordinal);
        await keys.PressAsync(link, "Shift");

        // A wrong code: the summary has focus, the key the app already holds is unchanged.
        await keys.TypeIntoAsync(page.GetByLabel("当前密码"), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), "000000");
        await keys.PressAsync(page.Locator("[data-enable]"), "Enter");
        var summary = page.Locator("[data-error-summary][role=alert]");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "focus is not on the error summary");
        Assert.Equal(key, await page.Locator("[data-authenticator-key]").GetAttributeAsync("data-authenticator-key"));
        await AssertReflowsAsync(page, "/my/second-factor (errors) @390 长辈版");
        var findings = (await AccessibilityBrowserTests.ScanAsync(page, "/my/second-factor (errors) @390 长辈版")).ToList();
        await keys.TypeIntoAsync(page.GetByLabel("当前密码"), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), NextCode(key));
        await keys.PressAsync(page.Locator("[data-enable]"), "Enter");
        await page.Locator("[data-recovery-codes]").WaitForAsync();
        await page.Context.CloseAsync();

        // The second step of a sign-in on the zoomed desktop: a wrong code is told with focus, then the right one signs in.
        var desktop = await OpenAsync(640, care: true);
        var desktopKeys = new KeyboardOnly(desktop);
        await desktop.LogInAsync(citizen.IdNumber, citizen.Password);
        await desktop.Locator("form[action='/account/second-factor']").WaitForAsync();
        await desktopKeys.TypeIntoAsync(desktop.GetByLabel("验证码", new() { Exact = true }), "000000");
        await desktopKeys.PressAsync(desktop.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }), "Enter");
        summary = desktop.Locator("[data-error-summary][role=alert]");
        await summary.WaitForAsync();
        Assert.True(await summary.EvaluateAsync<bool>("e => e === document.activeElement"), "focus is not on the error summary");
        await AssertReflowsAsync(desktop, "/account/second-factor (errors) @640 长辈版");
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(desktop, "/account/second-factor (errors) @640 长辈版"));
        await desktopKeys.TypeIntoAsync(desktop.GetByLabel("验证码", new() { Exact = true }), NextCode(key));
        await desktopKeys.PressAsync(desktop.GetByRole(AriaRole.Button, new() { Name = "验证", Exact = true }), "Enter");
        await Navigation.ArriveAsync(desktop, "**/my");
        await desktop.Context.CloseAsync();

        Assert.Empty(findings);
    }

    /// <summary>What the app shows for the next step by the portal's clock (each step is accepted once).</summary>
    private string NextCode(string key)
    {
        browser.Portal.Clock.Advance(TimeSpan.FromSeconds(30));
        return StaffMember.Code(key, browser.Portal.Clock);
    }

    private async Task<IPage> OpenAsync(int width, bool care, bool webAuthn = true)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = browser.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            Locale = "zh-CN",
        });
        if (care)
        {
            await context.AddInitScriptAsync("try { localStorage.setItem('shanxi.care-mode', 'on'); } catch (e) { }");
        }

        if (!webAuthn)
        {
            await context.AddInitScriptAsync("delete window.PublicKeyCredential;");
        }

        return await context.NewPageAsync();
    }

    private static async Task AssertReflowsAsync(IPage page, string where) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"{where} scrolls sideways");
}
