using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>个人注册.</summary>
[Route("/account/register")]
public sealed class RegisterController(
    CaptchaService captcha,
    SmsCodeService sms,
    PersonRegistration registration,
    SignInManager<Account> signIn) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? returnUrl) => View(new RegisterPersonForm { ReturnUrl = returnUrl });

    [EnableRateLimiting(ClientRateLimits.Registration)]
    [HttpPost("")]
    public async Task<IActionResult> Index(RegisterPersonForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, HttpContext.RequestAborted)))
        {
            return View(form);
        }

        var application = new PersonApplication(
            PersonName.NormalizeName(form.Name)!,
            ResidentIdNumber.Parse(form.IdNumber).Value!,
            string.IsNullOrWhiteSpace(form.UserName) ? null : form.UserName.Trim(),
            MobilePhone.Parse(form.Phone).Value!,
            form.SmsCode!.Trim(),
            form.Password!);
        var result = await registration.RegisterAsync(application, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field switch
            {
                RegistrationField.IdNumber => nameof(form.IdNumber),
                RegistrationField.UserName => nameof(form.UserName),
                RegistrationField.Name => nameof(form.Name),
                _ => nameof(form.SmsCode),
            }, result.Message!);
            ViewData["IdNumberCertified"] = result.Message == SeedMessages.IdNumberAlreadyCertified;
            return View(form);
        }

        await signIn.SignInAsync(result.Account!, isPersistent: false);
        TempData["Status"] = StatusMessages.RegisteredAndSignedIn;
        return this.ReturnOrMyAccount(form.ReturnUrl);
    }

    /// <summary>获取短信验证码, behind the captcha: answers the page's script with JSON, or re-shows the form without script.</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode(RegisterPersonForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        return await this.SendCodeBehindCaptchaAsync(
            captcha, form, () => sms.SendAsync(form.Phone, SmsPurpose.Registration, HttpContext.RequestAborted), nameof(form.Phone), nameof(Index));
    }
}
