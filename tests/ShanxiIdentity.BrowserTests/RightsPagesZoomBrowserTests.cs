using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Issue #23's pages on a 1280-px window at 200 % zoom (the layout of 640 CSS px), normal and in 长辈版:
/// 注销账号 with its errors, 下载我的信息 ready, 谁查看了我的信息 empty, the page to print and the
/// cooling-off page; none scrolls sideways and none has WCAG 2.1 AA violations.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class RightsPagesZoomBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task The_rights_pages_reflow_at_200_percent_zoom_without_violations()
    {
        var findings = new List<string>();
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 640, height: 400);
        await page.LogInAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/my");

        await page.GotoAsync("/my/data/views");
        await page.Locator("[data-views-none]").WaitForAsync();
        await CheckAsync(page, "/my/data/views (none) @640", findings);

        await page.GotoAsync("/my/data");
        await page.Locator("[data-export-request]").ClickAsync();
        await page.Locator("[data-export-status=ready]").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "下载 JSON 文件" }).ClickAsync(); // no password typed
        await page.Locator("[data-error-summary]").WaitForAsync();
        await CheckAsync(page, "/my/data (error) @640", findings);
        await page.GetByLabel("当前密码").FillAsync(citizen.Password);
        await page.Locator("[data-export-print]").ClickAsync();
        await page.Locator("[data-export-print-page]").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(page, "my-data-print-640");
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, "/my/data print @640"));
        await AssertReflowsAsync(page, "/my/data print @640", findings);

        await page.GotoAsync("/my/closing");
        await page.GetByRole(AriaRole.Button, new() { Name = "确认注销账号" }).ClickAsync();
        await page.Locator("[data-error-summary]").WaitForAsync();
        await CheckAsync(page, "/my/closing (errors) @640", findings);

        await page.GetByLabel("当前密码").FillAsync(citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await CheckAsync(page, "/my/closing (code sent, countdown) @640", findings);
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await page.GetByRole(AriaRole.Button, new() { Name = "确认注销账号" }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/account/closing");
        await CheckAsync(page, "/account/closing @640", findings);
        await BrowserFixture.ScreenshotAsync(page, "closing-cooling-off-640");
        await page.Context.CloseAsync();

        findings.ForEach(output.WriteLine);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }

    private static async Task CheckAsync(IPage page, string where, List<string> findings)
    {
        await AssertReflowsAsync(page, where, findings);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where));
        await BrowserFixture.ScreenshotAsync(page, where.Split(' ')[0].Trim('/').Replace('/', '-') + "-640");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长辈版" });
        await toggle.ClickAsync();
        await AssertReflowsAsync(page, where + " (长辈版)", findings);
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where + " (长辈版)"));
        await toggle.ClickAsync();
    }

    private static async Task AssertReflowsAsync(IPage page, string where, List<string> findings)
    {
        if (!await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
        {
            findings.Add($"{where}: scrolls sideways");
        }
    }
}
