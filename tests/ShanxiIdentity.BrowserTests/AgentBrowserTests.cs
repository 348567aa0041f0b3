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
/// 经办人, the person's side, in Chromium at phone width with the keyboard alone: an invitation on
/// 我的账号 accepted, then 身份切换 to the organisation, the header naming it. axe-core scans each
/// page on the way (我的账号 with the invitation, 身份切换, a page with the acting header), in the
/// normal mode and in 长辈版: WCAG 2.1 A/AA, no violation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AgentBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_person_accepts_an_invitation_and_switches_identity_by_keyboard_at_390_px_with_no_wcag_violation()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var organisation = await browser.Portal.SeedOrganisationAsync();
        await browser.Portal.GrantAgentAsync(organisation, citizen);
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);
        var findings = new List<string>();

        await page.GotoAsync("/account/login");
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        await page.Locator("[data-invitation]").WaitForAsync();
        findings.AddRange(await BothModesAsync(page, "我的账号 with an invitation"));

        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex($"^接受\\s*{organisation.Name}的授权$") }), "Enter");
        await page.Locator("[data-authorization]").WaitForAsync();
        Assert.Contains(AgentMessages.Accepted, await page.GetByRole(AriaRole.Status).First.InnerTextAsync(), StringComparison.Ordinal);

        // The header offers 身份切换 at phone width, outside the collapsed menu.
        await keys.PressAsync(page.GetByRole(AriaRole.Link, new() { Name = "切换身份", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my/acting");
        findings.AddRange(await BothModesAsync(page, "身份切换"));

        // A radio group is one Tab stop: the arrow key moves the choice from 个人办事 to the organisation.
        var personal = page.GetByRole(AriaRole.Radio, new() { Name = AgentMessages.PersonalService });
        Assert.True(await personal.IsCheckedAsync());
        await keys.PressAsync(personal, "ArrowDown");
        Assert.True(await page.GetByRole(AriaRole.Radio, new() { Name = $"代表{organisation.Name}办事" }).IsCheckedAsync());
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "切换", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");

        Assert.Contains($"当前身份：{organisation.Name}（经办人）", await page.Locator("[data-acting]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^切换\\s*办事身份$") }).IsVisibleAsync());
        findings.AddRange(await BothModesAsync(page, "我的账号 acting for the organisation"));
        await page.GotoAsync("/");
        findings.AddRange(await BothModesAsync(page, "home acting for the organisation"));
        await BrowserFixture.ScreenshotAsync(page, "acting-header-390");
        await page.Context.CloseAsync();

        findings.ForEach(output.WriteLine);
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }

    /// <summary>Scans the page as it is, then in 长辈版 (switched on and off again with its own button).</summary>
    private static async Task<List<string>> BothModesAsync(IPage page, string where)
    {
        var findings = (await AccessibilityBrowserTests.ScanAsync(page, where)).ToList();
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长辈版" });
        await toggle.ClickAsync();
        findings.AddRange(await AccessibilityBrowserTests.ScanAsync(page, where + " (长辈版)"));
        await toggle.ClickAsync();
        return findings;
    }
}
