using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 经办人管理 for a 法人账号 in Chromium: the list, the grant form with its errors and the edit page at
/// phone and desktop widths with no WCAG 2.1 A/AA violation, and a grant made with the keyboard alone.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AgentsBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly int[] Widths = [390, 1280];

    [Fact]
    public async Task The_organisation_administrator_s_pages_have_no_wcag_2_1_aa_violation_and_grant_by_keyboard()
    {
        var organisation = await browser.Portal.SeedOrganisationAsync();
        var listed = await browser.Portal.SeedCitizenAsync();
        var id = await browser.Portal.GrantAgentAsync(organisation, listed);
        var newcomer = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.LogInAsync(organisation.LoginName, organisation.Password, legal: true);
        await Navigation.ArriveAsync(page, "**/my");

        var findings = new List<string>();
        var scans = 0;
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in new[] { "/my/agents", $"/my/agents/{id}", "/my/agents/activity" })
            {
                await page.GotoAsync(path);
                findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"{path} @{width}"));
                scans++;
            }

            // The grant form refused: errors beside the fields and in the summary.
            await page.GotoAsync("/my/agents");
            await page.GetByRole(AriaRole.Button, new() { Name = "授权", Exact = true }).ClickAsync();
            await page.Locator("[data-error-summary]").WaitForAsync();
            findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"/my/agents (errors) @{width}"));
            scans++;
        }

        // Keyboard only: type the person, choose 管理员 with the arrow keys, submit with Enter.
        await page.GotoAsync("/my/agents");
        await page.GetByLabel("姓名").FocusAsync();
        await page.Keyboard.TypeAsync(newcomer.Name);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(newcomer.IdNumber);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await page.GetByLabel("管理员", new() { Exact = true }).IsCheckedAsync());
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Enter");
        await page.GetByText(AgentMessages.Granted).WaitForAsync();
        var row = page.Locator("[data-agents] tbody tr", new() { HasText = newcomer.MaskedIdNumber });
        Assert.Contains("管理员", await row.TextContentAsync(), StringComparison.Ordinal);
        Assert.Equal("待接受", (await row.Locator("[data-state]").TextContentAsync())!.Trim());
        await BrowserFixture.ScreenshotAsync(page, "agents-granted");

        await page.Context.CloseAsync();
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        Console.WriteLine($"Suite count: accessibility (经办人管理), {scans} pages scanned by axe-core (WCAG 2.1 A/AA), {findings.Count} violations.");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }
}
