using Microsoft.Playwright;

namespace ShanxiIdentity.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed class SiteShellBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_renders_in_chinese_on_a_desktop()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/");

        Assert.Equal(200, response!.Status);
        Assert.Contains("统一身份认证系统", await page.TitleAsync(), StringComparison.Ordinal);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
        Assert.True(await page.GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true }).IsVisibleAsync());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "山西政务服务网统一身份认证系统" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "home-desktop");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Home_page_fits_a_phone_and_its_menu_opens()
    {
        var page = await browser.NewPageAsync(width: 375, height: 740);
        await page.GotoAsync("/");

        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow, "The page is wider than a phone screen.");

        var home = page.Locator("#portal-nav").GetByRole(AriaRole.Link, new() { Name = "首页", Exact = true });
        Assert.False(await home.IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
        await home.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
        await BrowserFixture.ScreenshotAsync(page, "home-phone-menu");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Unknown_address_shows_the_chinese_404_page_with_a_way_home()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync("/no/such/page");

        Assert.Equal(404, response!.Status);
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "抱歉，您访问的页面不存在" }).IsVisibleAsync());
        await BrowserFixture.ScreenshotAsync(page, "not-found");

        await Navigation.FollowAsync(page, () => page.GetByRole(AriaRole.Link, new() { Name = "返回首页" }).ClickAsync(), browser.BaseAddress.ToString());
        Assert.True(await page.GetByRole(AriaRole.Heading, new() { Name = "山西政务服务网统一身份认证系统" }).IsVisibleAsync());
        await page.Context.CloseAsync();
    }
}
