using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// axe-core over every public page, at a desktop and a phone width: WCAG 2.1 A and AA
/// (GB/T 37668 follows it) must report no violation.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class AccessibilityBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    public static readonly int[] Widths = [1366, 390];

    private static readonly string[] PublicPages =
    [
        "/", "/account/login", "/account/login?kind=legal", "/account/register", "/account/register/legal", "/account/register/legal/awaiting-counter",
        "/account/forgot", "/guide/faq", "/guide/materials", "/guide/templates", "/guide/templates/1",
        "/agreement", "/privacy", "/accessibility", "/contact", "/halls", "/counter/login", "/no/such/page",
    ];

    [Fact]
    public async Task Every_public_page_has_no_wcag_2_1_aa_violation_at_desktop_and_phone_width()
    {
        var findings = new List<string>();
        var scans = 0;
        foreach (var width in Widths)
        {
            var page = await browser.NewPageAsync(width: width, height: 900);
            foreach (var path in PublicPages)
            {
                await page.GotoAsync(path);
                findings.AddRange(await ScanAsync(page, $"{path} @{width}"));
                scans++;
            }

            await page.Context.CloseAsync();
        }

        Report(scans, findings);
    }

    [Fact]
    public async Task Forms_showing_their_errors_have_no_wcag_2_1_aa_violation()
    {
        var findings = new List<string>();
        var scans = 0;
        foreach (var width in Widths)
        {
            var page = await browser.NewPageAsync(width: width, height: 900);
            foreach (var (path, button) in new[]
                     {
                         ("/account/login", "登录"), ("/account/register", "注册"), ("/account/register/legal", "注册"),
                         ("/account/forgot", "下一步"), ("/counter/login", "下一步"),
                     })
            {
                await page.GotoAsync(path);
                await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
                await page.Locator(".field-validation-error").First.WaitForAsync();
                findings.AddRange(await ScanAsync(page, $"{path} (errors) @{width}"));
                scans++;
            }

            await page.Context.CloseAsync();
        }

        Report(scans, findings);
    }

    internal static async Task<IEnumerable<string>> ScanAsync(IPage page, string where)
    {
        // axe judges the page a person sees, not a frame of a colour fade (a button's 0.15 s transition once
        // scanned half way measured 2.37:1): the finite animations and transitions running now end first.
        await page.EvaluateAsync("() => Promise.all(document.getAnimations().filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity).map(a => a.finished.catch(() => null)))");
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        return result.Violations.SelectMany(v => v.Nodes.Select(n =>
            $"{where}: {v.Id} ({v.Impact}) {n.Target} — {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"));
    }

    private void Report(int scans, List<string> findings)
    {
        foreach (var finding in findings)
        {
            output.WriteLine(finding);
        }

        Console.WriteLine($"Suite count: accessibility, {scans} pages scanned by axe-core (WCAG 2.1 A/AA), {findings.Count} violations.");
        Assert.True(findings.Count == 0, string.Join(Environment.NewLine, findings.Take(40)));
    }
}
