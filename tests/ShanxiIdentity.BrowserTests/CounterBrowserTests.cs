using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>The clerk's and the supervisor's screens in Chromium: a phone change from the first sign-in to 已生效.</summary>
[Collection(BrowserTestGroup.Name)]
public sealed class CounterBrowserTests(BrowserFixture browser)
{
    private static readonly string[] Loopback = ["127.0.0.1", "::1", "::ffff:127.0.0.1"];

    [Fact]
    public async Task A_clerk_and_a_supervisor_handle_a_phone_change_on_their_screens()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var (clerkName, clerkPassword) = await browser.Portal.CreateStaffAsync(StaffRole.Clerk);
        var (supervisorName, supervisorPassword) = await browser.Portal.CreateStaffAsync(StaffRole.Supervisor);

        // The clerk's first sign-in: password, then bind the authenticator.
        var clerk = await browser.NewPageAsync();
        await SignInFirstTimeAsync(clerk, clerkName, clerkPassword, "counter-1-clerk-enrol");
        Assert.Equal("窗口受理", await clerk.Locator("h2").First.TextContentAsync());

        // Find the citizen: identifiers masked.
        await clerk.GetByRole(AriaRole.Link, new() { Name = "查找账号" }).First.ClickAsync();
        await clerk.GetByLabel("身份证号、统一社会信用代码或登录账号").FillAsync(citizen.IdNumber);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();
        await Navigation.ArriveAsync(clerk, "**/counter/accounts/*");
        Assert.Equal(citizen.MaskedIdNumber, await clerk.Locator("[data-field=id-number]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(clerk, "counter-2-clerk-account");

        // Open the request, tick and scan each material, submit.
        var newPhone = Citizen.NewPhone();
        await clerk.GetByRole(AriaRole.Link, new() { Name = "修改预留手机号" }).ClickAsync();
        await clerk.GetByLabel("新手机号").FillAsync(newPhone);
        await BrowserFixture.ScreenshotAsync(clerk, "counter-3-clerk-new-request");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "创建申请并显示材料清单" }).ClickAsync();
        await Navigation.ArriveAsync(clerk, "**/counter/requests/*");
        await BrowserFixture.ScreenshotAsync(clerk, "counter-4-clerk-checklist");
        var count = await clerk.Locator("[data-material]").CountAsync();
        Assert.Equal(2, count);
        for (var position = 1; position <= count; position++)
        {
            var item = clerk.Locator($"[data-material='{position}']");
            await item.GetByRole(AriaRole.Button, new() { Name = "已核对原件" }).ClickAsync();
            await clerk.Locator($"[data-material='{position}'] [data-checked=true]").WaitForAsync();
            await clerk.Locator($"[data-material='{position}'] input[type=file]").SetInputFilesAsync(new FilePayload { Name = $"材料{position}.png", MimeType = "image/png", Buffer = CounterDeskSteps.Png });
            await clerk.Locator($"[data-material='{position}']").GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
            await clerk.Locator($"[data-material='{position}'] [data-scan]").WaitForAsync();
        }

        await clerk.GetByText("材料齐全，可以提交").WaitForAsync();
        await BrowserFixture.ScreenshotAsync(clerk, "counter-5-clerk-materials-complete");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "提交审核" }).ClickAsync();
        await clerk.GetByText(CounterMessages.Submitted).WaitForAsync();
        Assert.Equal("待审核", await clerk.Locator("[data-request-status]").TextContentAsync());
        var requestUrl = clerk.Url;

        // The supervisor, on a phone-sized screen, finds it waiting and approves it.
        var supervisor = await browser.NewPageAsync(width: 414, height: 900);
        await SignInFirstTimeAsync(supervisor, supervisorName, supervisorPassword, "counter-6-supervisor-enrol");
        await supervisor.GotoAsync("/counter/requests?status=Submitted");
        await BrowserFixture.ScreenshotAsync(supervisor, "counter-7-supervisor-queue");
        await supervisor.Locator($"a[href='{new Uri(requestUrl).AbsolutePath}']").ClickAsync();
        Assert.Equal(SensitiveText.MaskPhone(newPhone), await supervisor.Locator("[data-field=new-phone]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(supervisor, "counter-8-supervisor-review");
        await supervisor.GetByRole(AriaRole.Button, new() { Name = "批准并生效" }).ClickAsync();
        await supervisor.GetByText(CounterMessages.Applied).WaitForAsync();
        Assert.Equal("已生效", await supervisor.Locator("[data-request-status]").TextContentAsync());
        await BrowserFixture.ScreenshotAsync(supervisor, "counter-9-supervisor-applied");

        // Over a real socket the audit log records where each staff action came from.
        var addresses = await browser.Portal.QueryAsync(db => db.AuditEntries
            .Where(e => e.Action == AuditAction.RequestApproved || e.Action == AuditAction.CounterSearched)
            .Select(e => e.ClientAddress).ToListAsync());
        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.Contains(a, Loopback));
        await clerk.Context.CloseAsync();
        await supervisor.Context.CloseAsync();
    }

    private async Task SignInFirstTimeAsync(IPage page, string loginName, string initialPassword, string screenshot)
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
        await BrowserFixture.ScreenshotAsync(page, screenshot);
        await page.GetByRole(AriaRole.Button, new() { Name = "绑定并登录" }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/counter");
    }
}
