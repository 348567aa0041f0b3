using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>The portal's login form filled as a person would (the tests' fixed captcha answer), for tests about what comes after.</summary>
public static class PortalLogin
{
    /// <summary>Fills and submits the login form already on the page (the portal's own, or the one a client system sent the person to).</summary>
    public static async Task SubmitLoginAsync(this IPage page, string account, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GetByLabel("账号").FillAsync(account);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
    }

    /// <summary>Opens the login page (法人 tab for an organisation) and signs in.</summary>
    public static async Task LogInAsync(this IPage page, string account, string password, bool legal = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync(legal ? "/account/login?kind=legal" : "/account/login");
        await page.SubmitLoginAsync(account, password);
    }
}
