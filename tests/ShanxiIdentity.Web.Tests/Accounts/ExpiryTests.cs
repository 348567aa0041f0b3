using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;
using static ShanxiIdentity.Web.Tests.Infrastructure.CitizenJourney;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>A factory of its own: these tests move its clock forward.</summary>
public sealed class TimeTravelPortalFactory : SqlitePortalFactory;

public sealed class ExpiryTests(TimeTravelPortalFactory factory) : IClassFixture<TimeTravelPortalFactory>
{
    [Fact]
    public async Task A_captcha_expires_after_its_lifetime()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(LoginUrl);

        factory.Clock.Advance(CaptchaService.Lifetime + TimeSpan.FromSeconds(1));
        var late = await session.SubmitAsync(page, LoginUrl, new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password });

        Assert.Equal(AccountMessages.CaptchaExpired, late.FieldError("Captcha"));
    }

    [Fact]
    public async Task A_registration_with_an_expired_captcha_comes_back_with_its_values_but_not_the_passwords_and_a_fresh_captcha()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var oldCaptcha = page.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]")!.Value;

        factory.Clock.Advance(CaptchaService.Lifetime + TimeSpan.FromSeconds(1));
        var late = await session.SubmitAsync(page, RegisterUrl, RegistrationFields(citizen, "123456"));

        Assert.Equal(AccountMessages.CaptchaExpired, late.FieldError("Captcha"));
        var back = late.Page;
        string? Value(string id) => back.QuerySelector<IHtmlInputElement>("#" + id)?.Value;
        Assert.Equal(citizen.Name, Value("Name"));
        Assert.Equal(citizen.IdNumber, Value("IdNumber"));
        Assert.Equal(citizen.Phone, Value("Phone"));
        Assert.Equal("123456", Value("SmsCode"));
        Assert.True(back.QuerySelector<IHtmlInputElement>("#AcceptAgreement")!.IsChecked);

        // The server never echoes a password; the page's script keeps them from being sent with a stale captcha.
        Assert.Equal(string.Empty, Value("Password"));
        Assert.Equal(string.Empty, Value("ConfirmPassword"));
        var freshCaptcha = back.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]")!.Value;
        Assert.False(string.IsNullOrEmpty(freshCaptcha));
        Assert.NotEqual(oldCaptcha, freshCaptcha);
    }

    [Fact]
    public async Task An_sms_code_expires_after_five_minutes()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);

        factory.Clock.Advance(SmsCodeService.Lifetime + TimeSpan.FromSeconds(1));
        var late = await session.SubmitAsync(await session.GetPageAsync(RegisterUrl), RegisterUrl, RegistrationFields(citizen, code));

        Assert.Equal(AccountMessages.SmsCodeExpired, late.FieldError("SmsCode"));
    }

    [Fact]
    public async Task Wrong_passwords_older_than_fifteen_minutes_no_longer_count_towards_lockout()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        for (var i = 0; i < 4; i++)
        {
            await session.LogInAsync(citizen.IdNumber, "Wrong#pass1");
        }

        factory.Clock.Advance(PasswordSignIn.FailureWindow + TimeSpan.FromMinutes(1));
        var fifth = await session.LogInAsync(citizen.IdNumber, "Wrong#pass1");

        Assert.Equal(SeedMessages.WrongUserNameOrPassword, fifth.FieldError("Password"));
        Assert.Equal("/my", (await session.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
    }

    [Fact]
    public async Task A_session_idle_for_thirty_minutes_ends_and_an_active_one_slides()
    {
        var (_, active) = await factory.RegisteredCitizenAsync();
        var (_, idle) = await factory.RegisteredCitizenAsync();

        for (var i = 0; i < 4; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(10));
            using var stillIn = await active.Client.GetAsync(new Uri("/my", UriKind.Relative));
            Assert.Equal(System.Net.HttpStatusCode.OK, stillIn.StatusCode);
        }

        using var expired = await idle.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains("/account/login", expired.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ten_codes_a_day_to_one_phone_and_no_more()
    {
        factory.Clock.AdvanceClearOfChinaMidnight(SmsCodeService.ResendInterval * (SmsCodeService.DailyLimit + 2));
        var session = factory.NewSession();
        var page = await session.GetPageAsync(RegisterUrl);
        var phone = new Dictionary<string, string?> { ["Phone"] = Citizen.NewPhone() };
        for (var i = 0; i < SmsCodeService.DailyLimit; i++)
        {
            Assert.True((await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", phone)).Sent);
            factory.Clock.Advance(SmsCodeService.ResendInterval);
        }

        var eleventh = await session.SendSmsAsync(page, RegisterUrl, RegisterUrl + "/sms", phone);

        Assert.False(eleventh.Sent);
        Assert.Equal(AccountMessages.SmsDailyLimit, eleventh.Message);
    }
}
