using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 通行密钥 in Chromium with its virtual authenticator (CDP WebAuthn: CTAP2, internal, resident keys,
/// user verification): added on 我的账号, then, signed out, a sign-in with it alone; at phone width and
/// on a desktop, the new page scanned by axe in 标准版 and 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PasskeyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_adds_a_passkey_signs_out_and_signs_in_with_it_at_390_px_and_desktop()
    {
        var findings = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var citizen = await browser.Portal.SeedCitizenAsync();
            var page = await browser.NewPageAsync(width: width, height: 900);

            // localhost, not 127.0.0.1: an IP address cannot be a WebAuthn relying party.
            var site = $"http://localhost:{browser.Portal.Port}";
            var cdp = await page.Context.NewCDPSessionAsync(page);
            await cdp.SendAsync("WebAuthn.enable");
            var authenticator = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = true,
                    ["automaticPresenceSimulation"] = true,
                },
            });

            await page.GotoAsync(site + "/account/login");
            await page.Locator("[data-passkey-signin]").WaitForAsync(); // shown: the browser has WebAuthn
            await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
            await Navigation.ArriveAsync(page, "**/my");
            await page.Locator("[data-passkeys-link]").ClickAsync();
            await Navigation.ArriveAsync(page, "**/my/passkeys");
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/passkeys @{width}"));

            // A wrong password first: said in the page, the name kept, nothing added.
            await page.GetByLabel("通行密钥名称").FillAsync("我的手机");
            await page.GetByLabel("当前密码").FillAsync("Wrong#Password1");
            await page.GetByRole(AriaRole.Button, new() { Name = PasskeyMessages.AddButton, Exact = true }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-passkey-error]")).ToHaveTextAsync(AccountMessages.CurrentPasswordWrong);
            Assert.Equal("我的手机", await page.GetByLabel("通行密钥名称").InputValueAsync());
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/passkeys (refused) @{width}"));

            await page.GetByLabel("当前密码").FillAsync(citizen.Password);
            await page.GetByRole(AriaRole.Button, new() { Name = PasskeyMessages.AddButton, Exact = true }).ClickAsync();
            await page.Locator("[data-passkey-name]").WaitForAsync();
            Assert.Equal("我的手机", await page.Locator("[data-passkey-name]").TextContentAsync());
            await BrowserFixture.ScreenshotAsync(page, $"passkey-added-{width}");
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/passkeys (added) @{width}"));

            var care = page.GetByRole(AriaRole.Button, new() { Name = "长辈版" });
            await care.ClickAsync();
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/passkeys (长辈版) @{width}"));
            await care.ClickAsync();

            // 退出 (from the collapsed menu on a phone), then back with the passkey alone.
            if (width < 992)
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
                await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
            await Navigation.ArriveAsync(page, site + "/");
            await page.GotoAsync(site + "/account/login");

            // The fingerprint not recognised: said in the page (role=alert), the button ready again.
            var authenticatorId = authenticator!.Value.GetProperty("authenticatorId").GetString()!;
            await cdp.SendAsync("WebAuthn.setUserVerified", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId, ["isUserVerified"] = false });
            var signInButton = page.GetByRole(AriaRole.Button, new() { Name = PasskeyMessages.SignInButton });
            await signInButton.ClickAsync();
            await Assertions.Expect(page.Locator("[data-passkey-login] [role=alert]")).ToHaveTextAsync(PasskeyMessages.Cancelled);
            Assert.EndsWith("/account/login", page.Url, StringComparison.Ordinal);

            await cdp.SendAsync("WebAuthn.setUserVerified", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId, ["isUserVerified"] = true });
            await signInButton.ClickAsync();
            await Navigation.ArriveAsync(page, "**/my");
            await page.GotoAsync(site + "/my/passkeys");
            Assert.DoesNotContain("尚未使用", await page.Locator("[data-passkeys]").TextContentAsync(), StringComparison.Ordinal);
            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }
}
