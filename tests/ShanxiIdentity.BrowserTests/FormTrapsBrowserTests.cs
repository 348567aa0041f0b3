using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Traps that stopped citizens half way through the forms (issue #19): Enter sending an SMS, the
/// captcha expiring while they type, pasted ID numbers cut short.
/// </summary>
[Collection(BrowserTestGroup.Name)]
public sealed class FormTrapsBrowserTests(BrowserFixture browser)
{
    private const string CaptchaRenewed = "验证码已更新，请重新输入";

    [Fact]
    public async Task Enter_in_the_personal_registration_form_registers_and_sends_no_sms()
    {
        var citizen = Citizen.New();
        await browser.Portal.AddResidentAsync(citizen);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/register");
        await page.GetByLabel("姓名").FillAsync(citizen.Name);
        await page.GetByLabel("身份证号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("手机号").FillAsync(citizen.Phone);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);

        await page.GetByLabel("姓名").PressAsync("Enter");

        await AssertEnterSubmittedTheFormAsync(page, citizen.Phone);

        // Beside 获取短信验证码, how long the code will last, from the code's own lifetime.
        var validFor = AccountMessages.SmsCodeValidFor((int)SmsCodeService.Lifetime.TotalMinutes);
        Assert.Equal(validFor, (await page.Locator("[data-sms-lifetime]").TextContentAsync())?.Trim());
        Assert.True(await page.Locator("[data-sms-lifetime]").IsVisibleAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_in_the_legal_registration_form_registers_and_sends_no_sms()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise);
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/register/legal");
        await page.GetByLabel("单位名称").FillAsync(organisation.Name);
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(organisation.CreditCode);
        await page.GetByLabel("手机号").FillAsync(organisation.Phone);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);

        await page.GetByLabel("单位名称").PressAsync("Enter");

        await AssertEnterSubmittedTheFormAsync(page, organisation.Phone);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Enter_in_the_password_reset_form_submits_it_and_sends_no_sms()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/forgot");
        await page.GetByLabel("账号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步" }).ClickAsync();
        await page.GetByText(AccountMessages.ResetCodeGoesToReservedPhone).WaitForAsync();
        await page.GetByLabel("新密码").FillAsync(citizen.Password);

        await page.GetByLabel("新密码").PressAsync("Enter");

        await AssertEnterSubmittedTheFormAsync(page, citizen.Phone);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// Enter either posted the form (its own check then asks for the SMS code) or sent a code (the
    /// status line says so); whichever shows first, no SMS may have gone to the phone.
    /// </summary>
    private async Task AssertEnterSubmittedTheFormAsync(IPage page, string phone)
    {
        await page.WaitForFunctionAsync(
            "() => document.querySelector('#SmsCode-error').textContent.trim() !== '' || document.querySelector('[data-sms-status]').textContent.trim() !== ''",
            null,
            new() { Timeout = 10_000 });
        var sent = await browser.Portal.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone));
        Assert.Equal(0, sent);
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("#SmsCode-error").TextContentAsync()));
    }

    [Fact]
    public async Task A_captcha_left_nineteen_minutes_on_the_registration_form_is_renewed_before_it_expires()
    {
        var citizen = Citizen.New();
        await browser.Portal.AddResidentAsync(citizen);
        var page = await browser.NewPageAsync(width: 414, height: 900);
        await page.Clock.InstallAsync();
        await page.GotoAsync("/account/register");
        var firstCaptcha = await page.Locator("[data-captcha-id]").InputValueAsync();
        await page.GetByLabel("姓名").FillAsync(citizen.Name);
        await page.GetByLabel("身份证号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("手机号").FillAsync(citizen.Phone);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);

        // Nineteen and a half minutes looking for papers, on the portal's clock and the page's.
        var pause = TimeSpan.FromMinutes(19.5);
        browser.Portal.Clock.Advance(pause);
        await page.Clock.FastForwardAsync((long)pause.TotalMilliseconds);

        // The page renewed its captcha before it expired and asks for the new answer.
        await page.GetByText(CaptchaRenewed).WaitForAsync(new() { Timeout = 10_000 });
        Assert.NotEqual(firstCaptcha, await page.Locator("[data-captcha-id]").InputValueAsync());
        Assert.Equal(string.Empty, await page.GetByLabel("验证码", new() { Exact = true }).InputValueAsync());
        Assert.Equal(citizen.IdNumber, await page.GetByLabel("身份证号").InputValueAsync());

        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByLabel("确认密码").FillAsync(citizen.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_captcha_that_expired_while_the_computer_slept_is_renewed_on_submit_and_the_password_kept()
    {
        var citizen = await browser.Portal.SeedCitizenAsync();
        var page = await browser.NewPageAsync();
        await page.Clock.InstallAsync();
        await page.GotoAsync("/account/login");
        await page.GetByLabel("账号").FillAsync(citizen.IdNumber);
        await page.GetByLabel("密码").FillAsync(citizen.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);

        // A sleeping computer: time jumps past the captcha's lifetime and no timer of the page runs.
        var sleep = CaptchaService.Lifetime + TimeSpan.FromMinutes(1);
        browser.Portal.Clock.Advance(sleep);
        var now = await page.EvaluateAsync<double>("() => Date.now()");
        await page.Clock.SetSystemTimeAsync(DateTime.UnixEpoch.AddMilliseconds(now) + sleep);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();

        // Not sent: a fresh captcha to answer, with the password still there.
        await page.GetByText(CaptchaRenewed).WaitForAsync(new() { Timeout = 10_000 });
        Assert.Equal(citizen.Password, await page.GetByLabel("密码").InputValueAsync());
        Assert.True(await page.GetByLabel("验证码", new() { Exact = true }).EvaluateAsync<bool>("e => e === document.activeElement"));

        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_id_number_pasted_with_spaces_and_full_width_digits_registers_on_a_phone()
    {
        var citizen = Citizen.New();
        await browser.Portal.AddResidentAsync(citizen);
        var page = await browser.NewPageAsync(width: 360, height: 740);
        await page.GotoAsync("/account/register");

        // As printed on many documents (6 + 8 + 4, spaced), and with full-width digits and an ideographic space.
        var spaced = $"{citizen.IdNumber[..6]} {citizen.IdNumber[6..14]}\u3000{citizen.IdNumber[14..]}";
        var pasted = new StringBuilder();
        foreach (var c in spaced)
        {
            pasted.Append(c is >= '0' and <= '9' ? (char)(c - '0' + '０') : c);
        }

        await page.GetByLabel("姓名").FillAsync(citizen.Name);
        await page.GetByLabel("身份证号").FillAsync(pasted.ToString());
        Assert.Equal(pasted.ToString(), await page.GetByLabel("身份证号").InputValueAsync());
        await page.GetByLabel("手机号").FillAsync(citizen.Phone);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByRole(AriaRole.Button, new() { Name = "获取短信验证码" }).ClickAsync();
        await page.GetByText(AccountMessages.SmsSent(citizen.MaskedPhone)).WaitForAsync();
        await page.GetByLabel("短信验证码").FillAsync(await browser.Portal.LatestSmsCodeAsync(citizen.Phone));
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(citizen.Password);
        await page.GetByLabel("确认密码").FillAsync(citizen.Password);
        await page.GetByLabel("验证码", new() { Exact = true }).FillAsync(PortalSession.CaptchaAnswer);
        await page.GetByLabel("我已阅读并同意《山西省政务服务网用户协议》").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "注册", Exact = true }).ClickAsync();
        await Navigation.ArriveAsync(page, "**/my");
        Assert.Equal(citizen.MaskedIdNumber, await page.Locator("[data-field=id-number]").TextContentAsync());

        await page.Context.CloseAsync();

        // The account is found by the normalised number: a fresh browser logs in with it.
        var again = await browser.NewPageAsync(width: 360, height: 740);
        await again.LogInAsync(citizen.IdNumber, citizen.Password);
        await Navigation.ArriveAsync(again, "**/my");
        await again.Context.CloseAsync();
    }
}
