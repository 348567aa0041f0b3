using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>Every panel of a page is drawn where people can see and reach it: none under another, none under the footer.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class LayoutBrowserTests(BrowserFixture browser)
{
    /// <summary>Pairs of panels (and the footer) whose boxes intersect.</summary>
    private const string OverlappingPanels = """
        () => {
            const boxes = [...document.querySelectorAll('.portal-panel, footer')].map(e => ({ name: (e.querySelector('h1, h2')?.textContent || e.tagName).trim(), r: e.getBoundingClientRect() }));
            const found = [];
            for (let i = 0; i < boxes.length; i++)
                for (let j = i + 1; j < boxes.length; j++) {
                    const a = boxes[i].r, b = boxes[j].r;
                    if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
                        found.push(boxes[i].name + ' / ' + boxes[j].name);
                }
            return found;
        }
        """;

    /// <summary>
    /// 200 % zoom on a 1366-px screen lays a page out in 683 CSS pixels; WCAG 1.4.10 asks for 320.
    /// At both, nothing may need scrolling sideways.
    /// </summary>
    [Theory]
    [InlineData(683)]
    [InlineData(320)]
    public async Task Public_pages_reflow_at_200_percent_zoom_and_at_320_px_without_sideways_scrolling(int cssWidth)
    {
        var page = await browser.NewPageAsync(width: cssWidth, height: 450);
        var wide = new List<string>();
        foreach (var path in new[]
                 {
                     "/", "/account/login", "/account/register", "/account/register/legal", "/account/forgot", "/guide/faq",
                     "/guide/materials?operation=modify&userType=person&agent=yes", "/guide/templates/1", "/halls", "/privacy", "/counter/login",
                 })
        {
            await page.GotoAsync(path);
            if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1"))
            {
                wide.Add(path);
            }
        }

        Assert.Empty(wide);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Every_panel_of_my_account_is_visible_at_phone_and_desktop_width()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.LogInAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(page, "**/my");

        foreach (var width in AccessibilityBrowserTests.Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            Assert.Empty(await page.EvaluateAsync<string[]>(OverlappingPanels));
            var consents = page.GetByRole(AriaRole.Heading, new() { Name = "已授权的业务系统" });
            await consents.ScrollIntoViewIfNeededAsync();
            Assert.True(await consents.IsVisibleAsync());
            await BrowserFixture.ScreenshotAsync(page, $"my-account-{width}");
        }

        await page.Context.CloseAsync();
    }
}

/// <summary>显示密码: every password field can show what was typed, by mouse or keyboard, and is hidden again for submission.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class PasswordToggleBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData("/account/register", 2)]
    [InlineData("/account/register/legal", 2)]
    [InlineData("/account/login", 1)]
    [InlineData("/counter/login", 1)]
    public async Task Every_password_field_has_a_show_password_button(string path, int fields)
    {
        var page = await browser.NewPageAsync(width: 390, height: 900);
        await page.GotoAsync(path);

        Assert.Equal(fields, await page.Locator("input[type=password]").CountAsync());
        Assert.Equal(fields, await page.GetByRole(AriaRole.Button, new() { Name = "显示密码" }).CountAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_button_shows_and_hides_the_password_by_keyboard()
    {
        var page = await browser.NewPageAsync(width: 390, height: 900);
        await page.GotoAsync("/account/login");
        var password = page.GetByLabel("密码", new() { Exact = true });
        await password.FillAsync("Typed#Secret9");

        // Tab from the field reaches its button; Space presses it.
        await password.FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "显示密码" });
        Assert.True(await toggle.EvaluateAsync<bool>("b => b === document.activeElement"));
        await page.Keyboard.PressAsync("Space");
        Assert.Equal("text", await password.GetAttributeAsync("type"));
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-pressed"));
        Assert.Equal("Typed#Secret9", await password.InputValueAsync());

        await page.Keyboard.PressAsync("Space");
        Assert.Equal("password", await password.GetAttributeAsync("type"));
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-pressed"));
        await page.Context.CloseAsync();
    }
}
