using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Every journey with the keyboard alone (Tab, Shift+Tab, Enter, Space, typing): nothing is clicked,
/// and every control reached shows a solid focus outline of at least 2 px with an offset.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class KeyboardJourneyBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_person_registers_logs_out_and_logs_in_with_the_keyboard_alone()
    {
        var citizen = Citizen.New();
        await browser.Portal.AddResidentAsync(citizen);
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);

        await page.GotoAsync("/account/register");
        await keys.TypeIntoAsync(page.GetByLabel("姓名"), citizen.Name);
        await keys.TypeIntoAsync(page.GetByLabel("身份证号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("手机号"), citizen.Phone);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }), "Space");
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.TypeIntoAsync(page.GetByLabel("短信验证码"), await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("确认密码"), citizen.Password);
        await keys.PressAsync(page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》"), "Space");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");

        // 退出 from the phone menu, opened with the keyboard.
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "展开导航" }), "Enter");
        await page.Locator("#portal-nav.show").WaitForAsync(new() { Timeout = 5000 });
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "退出" }), "Enter");
        await Navigation.ArriveAsync(page, browser.BaseAddress.ToString());

        await page.GotoAsync("/account/login");
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_who_cannot_see_the_picture_logs_in_by_ear_with_the_keyboard_alone()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);
        await page.GotoAsync("/account/login");
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);

        // 听语音验证码 (WCAG 1.1.1): the player appears with six spoken digits, also drawn in the picture.
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "听语音验证码" }), "Enter");
        var player = page.Locator("[data-captcha-audio]");
        await page.WaitForFunctionAsync("() => (document.querySelector('[data-captcha-audio]').getAttribute('src') || '').endsWith('/audio')");
        Assert.True(await player.IsVisibleAsync());
        Assert.Equal("请输入您听到的6位数字，可用播放器重听", (await page.Locator("[data-captcha-note]").TextContentAsync())?.Trim());
        Assert.Empty(await AccessibilityBrowserTests.ScanAsync(page, "login with the spoken captcha @390"));

        var audio = await page.APIRequest.GetAsync(await player.GetAttributeAsync("src") ?? string.Empty);
        var heard = CaptchaFiles.HearDigits(await audio.BodyAsync());
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), heard);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_organisation_registers_with_the_keyboard_alone()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise);
        await browser.Portal.AddToRegistryAsync(organisation);
        var page = await browser.NewPageAsync(width: 1366, height: 900);
        var keys = new KeyboardOnly(page);

        await page.GotoAsync("/account/register/legal");
        await keys.ChooseAsync(page.GetByLabel("法人类型"), LegalEntityType.Enterprise.ToString());
        await keys.TypeIntoAsync(page.GetByLabel("单位名称"), organisation.Name);
        await keys.TypeIntoAsync(page.GetByLabel("统一社会信用代码", new() { Exact = true }), organisation.CreditCode);
        await keys.TypeIntoAsync(page.GetByLabel("法定代表人姓名"), organisation.RepresentativeName);
        await keys.TypeIntoAsync(page.GetByLabel("法定代表人身份证号"), organisation.RepresentativeIdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("登录账号"), organisation.LoginName);
        await keys.TypeIntoAsync(page.GetByLabel("手机号"), organisation.Phone);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }), "Enter");
        await page.GetByText(AccountMessages.SmsSent(SensitiveText.MaskPhone(organisation.Phone))).WaitForAsync();
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.TypeIntoAsync(page.GetByLabel("短信验证码"), await browser.Portal.LatestSmsCodeAsync(organisation.Phone));
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), organisation.Password);
        await keys.TypeIntoAsync(page.GetByLabel("确认密码"), organisation.Password);
        await keys.PressAsync(page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》"), "Space");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");
        Assert.Equal(organisation.Name, await page.Locator("[data-field=organisation]").TextContentAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_resets_the_password_and_changes_the_phone_with_the_keyboard_alone()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync(width: 390, height: 900);
        var keys = new KeyboardOnly(page);

        // 忘记密码: account and captcha, then the code to the reserved phone and a new password.
        await page.GotoAsync("/account/forgot");
        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "下一步" }), "Enter");
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }), "Space");
        await page.Locator("[data-sms-status]").GetByText("已发送", new() { Exact = false }).WaitForAsync();
        const string newPassword = "Keyboard#Reset7";
        await keys.TypeIntoAsync(page.GetByLabel("短信验证码"), await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await keys.TypeIntoAsync(page.GetByLabel("新密码"), newPassword);
        await keys.TypeIntoAsync(page.GetByLabel("确认密码"), newPassword);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "提交" }), "Enter");
        await page.GetByText(AccountMessages.PasswordResetDone).WaitForAsync();

        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), newPassword);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await Navigation.ArriveAsync(page, "**/my");

        // 修改预留手机号 on 我的账号: a code to each phone.
        browser.Portal.Clock.Advance(SmsCodeService.ResendInterval);
        var newPhone = Citizen.NewPhone();
        var phoneForm = page.Locator("form[action='/my/phone']");
        await keys.TypeIntoAsync(phoneForm.GetByLabel("当前密码"), newPassword);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取原手机号短信验证码" }), "Enter");
        await phoneForm.Locator("[data-sms-status]").First.GetByText("已发送", new() { Exact = false }).WaitForAsync();
        await keys.TypeIntoAsync(phoneForm.GetByLabel("原手机号短信验证码"), await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await keys.TypeIntoAsync(phoneForm.GetByLabel("新手机号", new() { Exact = true }), newPhone);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "获取新手机号短信验证码" }), "Space");
        await phoneForm.Locator("[data-sms-status]").Last.GetByText("已发送", new() { Exact = false }).WaitForAsync();
        await keys.TypeIntoAsync(phoneForm.GetByLabel("新手机号短信验证码"), await browser.Portal.LatestSmsCodeAsync(newPhone));
        await keys.PressAsync(phoneForm.GetByRole(AriaRole.Button, new() { Name = "提交" }), "Enter");
        await page.Locator("[data-field=phone]").GetByText(SensitiveText.MaskPhone(newPhone)).WaitForAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_person_consents_to_a_client_system_with_the_keyboard_alone()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var client = new Uri("http://127.0.0.1:18443/");
        const string clientId = "keyboard-consent";
        await using (var scope = browser.Portal.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ClientRegistry>().RegisterAsync(
                clientId, confidential: false,
                new ClientSettings("键盘测试业务系统", [new Uri(client, "cb").ToString()], [], ["openid", "profile"], FullPhone: false),
                actor: null, CancellationToken.None);
        }

        var page = await browser.NewPageAsync(width: 1366, height: 900);
        var keys = new KeyboardOnly(page);
        var request = new SsoClient(browser.Portal, clientId, secret: null, new Uri(client, "cb").ToString()).AuthorizeRequest("openid profile");
        await page.GotoAsync(request.Url);

        await keys.TypeIntoAsync(page.GetByLabel("账号"), citizen.IdNumber);
        await keys.TypeIntoAsync(page.GetByLabel("密码", new() { Exact = true }), citizen.Password);
        await keys.TypeIntoAsync(page.GetByLabel("验证码", new() { Exact = true }), PortalSession.CaptchaAnswer);
        await keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }), "Enter");
        await page.Locator("[data-consent-page]").WaitForAsync();
        // The client system is not running: the browser's request to it, with the code, is what counts.
        var returned = await page.RunAndWaitForRequestAsync(
            () => keys.PressAsync(page.GetByRole(AriaRole.Button, new() { Name = "同意并登录" }), "Enter"),
            r => r.Url.StartsWith(client.ToString(), StringComparison.Ordinal));
        Assert.Contains("code=", returned.Url, StringComparison.Ordinal);
        Assert.Contains("state=" + request.State, returned.Url, StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
