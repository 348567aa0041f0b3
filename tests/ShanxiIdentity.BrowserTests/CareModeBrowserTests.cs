using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// 长辈版 (MIIT 互联网网站适老化通用设计规范): a switch on every page, remembered by the browser; body text at
/// least 18 px with a 1.8 line height and 48 × 48 px targets; the normal mode's smallest text 14 px.
/// Screenshots of each page in both modes at both widths land in artifacts/screenshots/.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CareModeBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly string[] Pages =
    [
        "/", "/account/login", "/account/register", "/account/register/legal", "/account/forgot",
        "/guide/faq", "/guide/materials", "/guide/templates", "/privacy", "/accessibility", "/contact", "/halls",
    ];

    /// <summary>Visible elements with text of their own whose computed size is under the given pixels.</summary>
    private const string TextSmallerThan = """
        min => [...document.querySelectorAll('body *')].filter(e => {
            const own = [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim().length > 0);
            const box = e.getBoundingClientRect();
            const style = getComputedStyle(e);
            return own && box.width > 0 && box.height > 0 && style.visibility !== 'hidden'
                && !e.closest('.visually-hidden, .visually-hidden-focusable')
                && parseFloat(style.fontSize) < min;
        }).map(e => e.tagName.toLowerCase() + '.' + [...e.classList].join('.') + ' ' + getComputedStyle(e).fontSize + ' "' + e.textContent.trim().slice(0, 20) + '"')
        """;

    /// <summary>Visible controls (buttons, fields, menu links) smaller than 48 px either way.</summary>
    private const string TargetsSmallerThan48 = """
        () => [...document.querySelectorAll('.btn, input:not([type=hidden]):not([type=checkbox]), select, .nav-link, .navbar-toggler')].filter(e => {
            const box = e.getBoundingClientRect();
            return box.width > 0 && box.height > 0 && (box.width < 47.5 || box.height < 47.5);
        }).map(e => e.tagName.toLowerCase() + ' "' + (e.textContent || e.name || '').trim().slice(0, 20) + '" ' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height))
        """;

    [Fact]
    public async Task The_normal_mode_s_smallest_text_is_14_px_on_every_page()
    {
        var problems = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var page = await browser.NewPageAsync(width: width, height: 900);
            foreach (var path in Pages)
            {
                await page.GotoAsync(path);
                problems.AddRange((await page.EvaluateAsync<string[]>(TextSmallerThan, 14)).Select(p => $"{path} @{width}: {p}"));
                await BrowserFixture.ScreenshotAsync(page, $"mode-normal-{width}-{Slug(path)}");
            }

            await page.Context.CloseAsync();
        }

        problems.ForEach(output.WriteLine);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }

    [Fact]
    public async Task The_care_mode_switch_enlarges_every_page_is_remembered_and_switches_back()
    {
        var problems = new List<string>();
        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            var page = await browser.NewPageAsync(width: width, height: 900);
            await page.GotoAsync("/");
            var toggle = page.GetByRole(AriaRole.Button, new() { Name = "长辈版" });
            Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
            await toggle.ClickAsync();
            Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));

            foreach (var path in Pages)
            {
                // Remembered by the browser: every page opens in care mode, with no account.
                await page.GotoAsync(path);
                Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care-mode')"), $"{path} is not in care mode");
                var body = await page.EvaluateAsync<double[]>("() => { const s = getComputedStyle(document.body); return [parseFloat(s.fontSize), parseFloat(s.lineHeight)]; }");
                Assert.True(body[0] >= 18, $"{path}: body text {body[0]} px");
                Assert.InRange(body[1] / body[0], 1.75, 1.85);
                problems.AddRange((await page.EvaluateAsync<string[]>(TextSmallerThan, 18)).Select(p => $"{path} @{width} text: {p}"));
                problems.AddRange((await page.EvaluateAsync<string[]>(TargetsSmallerThan48)).Select(p => $"{path} @{width} target: {p}"));
                problems.AddRange(await AccessibilityBrowserTests.ScanAsync(page, $"{path} (长辈版) @{width}"));
                await BrowserFixture.ScreenshotAsync(page, $"mode-care-{width}-{Slug(path)}");
            }

            await page.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).ClickAsync();
            await page.ReloadAsync();
            Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.classList.contains('care-mode')"));
            Assert.Equal("false", await page.GetByRole(AriaRole.Button, new() { Name = "长辈版" }).GetAttributeAsync("aria-pressed"));
            await page.Context.CloseAsync();
        }

        problems.ForEach(output.WriteLine);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(30)));
    }

    private static string Slug(string path) => path == "/" ? "home" : path.Trim('/').Replace('/', '-');
}
