using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ShanxiIdentity.BrowserTests;

[Collection(BrowserTestGroup.Name)]
public sealed partial class GuidanceBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Materials_picker_shows_a_checklist_that_prints_on_one_a4_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/guide/materials");

        await page.GetByLabel("操作类型").SelectOptionAsync(new SelectOptionValue { Label = "信息修改" });
        await page.GetByLabel("用户类型").SelectOptionAsync(new SelectOptionValue { Label = "企业法人（分公司）" });
        await page.GetByLabel("是否代办").SelectOptionAsync(new SelectOptionValue { Label = "是（委托他人代办）" });
        await page.GetByRole(AriaRole.Button, new() { Name = "查看材料清单" }).ClickAsync();

        // The longest list of the table: seven items.
        await Assertions.Expect(page.Locator("[data-material]")).ToHaveCountAsync(7);
        await BrowserFixture.ScreenshotAsync(page, "materials-branch-agent");

        await page.EmulateMediaAsync(new() { Media = Media.Print });
        await BrowserFixture.ScreenshotAsync(page, "materials-branch-agent-print");
        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", PrintBackground = false, Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "materials-branch-agent.pdf") });
        Assert.Equal(1, PageCount(pdf));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Faq_filters_as_you_type()
    {
        var page = await browser.NewPageAsync(width: 414, height: 900);
        await page.GotoAsync("/guide/faq");
        await Assertions.Expect(page.Locator("[data-faq-entry]:visible")).ToHaveCountAsync(13);

        await page.GetByLabel("搜索问题").FillAsync("浏览器");

        await Assertions.Expect(page.Locator("[data-faq-entry]:visible")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#q13")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-faq-count]")).ToHaveTextAsync("共 1 个问题");
        await BrowserFixture.ScreenshotAsync(page, "faq-search");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_letter_prints_on_one_a4_page()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/guide/templates/2");
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        var pdf = await page.PdfAsync(new PagePdfOptions { Format = "A4", Path = Path.Combine(BrowserFixture.ScreenshotDirectory, "template-2.pdf") });

        Assert.Equal(1, PageCount(pdf));
        await page.Context.CloseAsync();
    }

    private static int PageCount(byte[] pdf) => PagePattern().Count(Encoding.Latin1.GetString(pdf));

    [GeneratedRegex(@"/Type\s*/Page(?!s)")]
    private static partial Regex PagePattern();
}
