using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 下载我的信息 and 谁查看了我的信息 in Chromium, at phone width and on the desktop: the downloaded
/// JSON holds the person's data and not the other person's the clerk also looked at; the page to
/// print; the clerk's reveal listed with role and hall, without the name; every page without WCAG
/// 2.1 AA violations, normal and in 长辈版.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PersonalDataBrowserTests(BrowserFixture browser)
{
    private const string Hall = "太原市政务服务中心";

    [Fact]
    public async Task A_person_downloads_their_data_prints_it_and_sees_the_clerks_reveal_by_role_and_hall()
    {
        var findings = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var alice = await browser.Portal.SeedCitizenAsync();
            var bob = await browser.Portal.SeedCitizenAsync();
            var (loginName, initialPassword) = await browser.Portal.CreateStaffAsync(StaffRole.Clerk);
            await browser.Portal.QueryAsync(db => db.StaffProfiles.Where(p => db.Users.Any(u => u.Id == p.AccountId && u.UserName == loginName)).ExecuteUpdateAsync(set => set.SetProperty(p => p.Hall, Hall)));
            var clerk = await browser.NewPageAsync();
            await SignInFirstTimeAsync(clerk, loginName, initialPassword);
            foreach (var person in new[] { alice, bob })
            {
                // The clerk finds each by ID number and reveals the full identifiers.
                await clerk.GotoAsync("/counter/accounts");
                await clerk.GetByLabel("身份证号、统一社会信用代码或登录账号").FillAsync(person.IdNumber);
                await clerk.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
                await Navigation.ArriveAsync(clerk, "**/counter/accounts/*");
                await clerk.Locator("form[action$='/reveal'] button").ClickAsync();
                await clerk.Locator("[data-field=id-number]", new() { HasTextString = person.IdNumber }).WaitForAsync();
            }

            await clerk.Context.CloseAsync();

            var page = await browser.NewPageAsync(width: width, height: 900);
            await page.LogInAsync(alice.IdNumber, alice.Password);
            await Navigation.ArriveAsync(page, "**/my");
            var keys = new KeyboardOnly(page);
            await Navigation.FollowAsync(page, () => keys.PressAsync(page.Locator("[data-my-data-link]"), "Enter"), "**/my/data");
            await page.Locator("[data-export-request]").ClickAsync();
            await page.Locator("[data-export-status=ready]").WaitForAsync();
            await ScanBothAsync(page, $"/my/data @{width}", findings);

            await page.GetByLabel("当前密码").FillAsync(alice.Password);
            var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-export-json]").ClickAsync());
            var text = await File.ReadAllTextAsync((await download.PathAsync())!);
            using (var json = JsonDocument.Parse(text))
            {
                Assert.Equal(alice.IdNumber, json.RootElement.GetProperty("person").GetProperty("residentIdNumber").GetString());
            }

            foreach (var other in new[] { bob.IdNumber, bob.Phone, loginName }.Concat(bob.Name == alice.Name ? [] : [bob.Name]))
            {
                Assert.DoesNotContain(other, text, StringComparison.Ordinal);
            }

            await page.GotoAsync("/my/data");
            await page.GetByLabel("当前密码").FillAsync(alice.Password);
            await page.Locator("[data-export-print]").ClickAsync();
            await page.Locator("[data-export-print-page]").WaitForAsync();
            Assert.Contains(alice.IdNumber, await page.Locator("[data-export-print-page]").TextContentAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"the page to print scrolls sideways @{width}");
            await BrowserFixture.ScreenshotAsync(page, $"my-data-print-{width}");
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/data print @{width}"));

            await page.GotoAsync("/my");
            await keys.PressAsync(page.Locator("[data-data-views-link]"), "Enter");
            await Navigation.ArriveAsync(page, "**/my/data/views");
            var rows = await page.Locator("[data-view-row]").AllTextContentsAsync();
            Assert.Contains(rows, r => r.Contains("查看完整信息", StringComparison.Ordinal) && r.Contains("窗口人员（" + Hall + "）", StringComparison.Ordinal));
            var staffName = await browser.Portal.QueryAsync(db => db.StaffProfiles.Where(p => db.Users.Any(u => u.Id == p.AccountId && u.UserName == loginName)).Select(p => p.Name).SingleAsync());
            Assert.DoesNotContain(staffName, await page.ContentAsync(), StringComparison.Ordinal);
            Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"), $"/my/data/views scrolls sideways @{width}");
            await BrowserFixture.ScreenshotAsync(page, $"my-data-views-{width}");
            await ScanBothAsync(page, $"/my/data/views @{width}", findings);
            await page.Context.CloseAsync();
        }

        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    [Fact]
    public async Task After_the_JSON_download_the_page_says_so_and_does_not_offer_the_same_download_again()
    {
        // A phone saves the file without leaving the page: before, the page stayed as it was (status 已准备好,
        // the password still typed, 下载 JSON 文件 offered again, and a second press said the copy was gone).
        var alice = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        await page.LogInAsync(alice.IdNumber, alice.Password);
        await Navigation.ArriveAsync(page, "**/my");
        await page.GotoAsync("/my/data");
        var keys = new KeyboardOnly(page);
        await keys.PressAsync(page.Locator("[data-export-request]"), "Enter");
        await page.Locator("[data-export-status=ready]").WaitForAsync();
        await keys.TypeIntoAsync(page.GetByLabel("当前密码"), alice.Password);
        await page.RunAndWaitForDownloadAsync(() => keys.PressAsync(page.Locator("[data-export-json]"), "Enter"));

        var status = page.GetByRole(AriaRole.Status).Filter(new() { HasTextString = "JSON 文件已下载" });
        await status.WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(0, await page.Locator("[data-export-json]").CountAsync());
        Assert.Equal(string.Empty, await page.GetByLabel("当前密码").InputValueAsync());
        Assert.Contains("JSON 文件已于", await page.Locator("[data-export-history]").TextContentAsync(), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "my-data-after-json-390");
        var findings = new List<string>();
        await ScanBothAsync(page, "/my/data after the JSON download @390", findings);
        await page.Context.CloseAsync();
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings));
    }

    private async Task SignInFirstTimeAsync(IPage page, string loginName, string initialPassword)
    {
        await page.GotoAsync("/counter/login");
        await page.GetByLabel("登录账号").FillAsync(loginName);
        await page.GetByLabel("密码").FillAsync(initialPassword);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        var key = (await page.Locator("[data-authenticator-key]").TextContentAsync())!.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        await page.GetByLabel("新密码").FillAsync(StaffJourney.StaffPassword);
        await page.GetByLabel("确认密码").FillAsync(StaffJourney.StaffPassword);
        await page.GetByLabel("动态验证码").FillAsync(StaffMember.Code(key, browser.Portal.Clock));
        await page.GetByRole(AriaRole.Button, new() { Name = "绑定并登录" }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/counter");
    }

    /// <summary>The page normal and in 长辈版 (switched back afterwards).</summary>
    internal static async Task ScanBothAsync(IPage page, string where, List<string> findings)
    {
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where));
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();
        await page.ReloadAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where + " (长辈版)"));
        await page.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();
        await page.ReloadAsync();
    }
}
