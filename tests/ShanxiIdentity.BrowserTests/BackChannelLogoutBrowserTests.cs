using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShanxiIdentity.Web.Services.BackChannel;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Single logout end to end in Chromium: signed in to 我的办件 through the portal, the person signs out
/// of the portal (退出 there, not in 我的办件); the portal's back-channel logout token reaches 我的办件,
/// whose next page finds its own sign-in ended.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class BackChannelLogoutBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(390)]
    [InlineData(1280)]
    public async Task Signing_out_of_the_portal_ends_the_sign_in_at_my_cases(int width)
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var clientId = $"wode-banjian-logout-{width}";
        var (cases, casesAddress) = await MyCasesHost.StartAsync(browser.Portal, browser.BaseAddress, clientId, "我的办件（单点退出测试）");
        await using var _ = cases;

        var page = await browser.NewPageAsync(width: width, height: 900);
        await page.GotoAsync(casesAddress + "signin");
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
        await page.SubmitLoginAsync(citizen.IdNumber, citizen.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }).ClickAsync();
        await Navigation.ArriveAsync(page, casesAddress + "cases");
        Assert.Equal(citizen.Name, await page.Locator("[data-signed-in-as]").TextContentAsync());

        // 退出 at the portal: its own page, its own button.
        await page.GotoAsync(browser.BaseAddress + "my");
        if (width < 992)
        {
            // On a phone 退出 is in the collapsed menu: open it first, as a person would.
            await page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }).ClickAsync();
            await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "退出" }).ClickAsync();
        await Navigation.ArriveAsync(page, browser.BaseAddress.ToString());
        await browser.Portal.Services.GetRequiredService<BackChannelDelivery>().DeliverDueAsync(CancellationToken.None);
        await WaitForDeliveryAsync(clientId);

        // 我的办件 no longer knows the person: its page sends them to sign in again (at the portal, signed out there too).
        await page.GotoAsync(casesAddress + "cases");
        await Navigation.ArriveAsync(page, new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserFixture.ScreenshotAsync(page, $"sso-7-signed-out-by-the-portal-{width}");
    }

    /// <summary>The worker may have taken the row before the test's own drain: wait until it is delivered.</summary>
    private async Task WaitForDeliveryAsync(string clientId)
    {
        for (var i = 0; i < 100; i++)
        {
            await using var scope = browser.Portal.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ShanxiIdentity.Data.PortalDbContext>();
            var rows = db.BackChannelLogouts.Where(l => l.ClientId == clientId).ToList();
            if (rows.Count > 0 && rows.All(r => r.DeliveredAt != null))
            {
                return;
            }

            if (rows.FirstOrDefault(r => r.FailedAttempts > 0) is { } failed)
            {
                Assert.Fail("The logout token was refused: " + failed.DeliveryError);
            }

            await Task.Delay(100);
        }

        Assert.Fail("The logout token was not delivered to 我的办件.");
    }
}
