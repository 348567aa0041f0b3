using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>法人注册.</summary>
[Route("/account/register/legal")]
public sealed class LegalRegisterController(
    CaptchaService captcha,
    SmsCodeService sms,
    LegalEntityRegistration registration,
    PasswordSignIn passwordSignIn) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? returnUrl) => View(new RegisterLegalEntityForm { ReturnUrl = returnUrl });

    [EnableRateLimiting(ClientRateLimits.Registration)]
    [HttpPost("")]
    public async Task<IActionResult> Index(RegisterLegalEntityForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, HttpContext.RequestAborted)))
        {
            return View(form);
        }

        var type = form.ParsedType!.Value;
        var application = new LegalEntityApplication(
            type,
            form.OrganisationName!.Trim(),
            CreditCode.Parse(form.CreditCode).Value!,
            PersonName.NormalizeName(form.RepresentativeName)!,
            ResidentIdNumber.Parse(form.RepresentativeIdNumber).Value!,
            type == LegalEntityType.EnterpriseBranch ? CreditCode.Parse(form.HeadOfficeCreditCode).Value : null,
            form.LoginName!.Trim(),
            MobilePhone.Parse(form.Phone).Value!,
            form.SmsCode!.Trim(),
            form.Password!);
        var result = await registration.RegisterAsync(application, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            ModelState.AddModelError(result.Field switch
            {
                RegistrationField.CreditCode => nameof(form.CreditCode),
                RegistrationField.LoginName => nameof(form.LoginName),
                RegistrationField.Type => nameof(form.Type),
                _ => nameof(form.SmsCode),
            }, result.Message!);
            ViewData["Refusal"] = result.Message;
            return View(form);
        }

        if (result.Account!.LegalEntity!.RealNameVerifiedAt is null)
        {
            return RedirectToAction(nameof(AwaitingCounter), new { type = MaterialsChoice.SlugFor(type) });
        }

        await passwordSignIn.SignInAsync(result.Account);
        TempData["Status"] = StatusMessages.RegisteredAndSignedIn;
        return this.ReturnOrMyAccount(form.ReturnUrl);
    }

    /// <summary>Registered, but the type is verified at the counter before the account can log in.</summary>
    [HttpGet("awaiting-counter")]
    public IActionResult AwaitingCounter(string? type)
    {
        ViewData["MaterialsSlug"] = MaterialsChoice.UserTypes.Any(t => t.Slug == type) ? type : null;
        return View();
    }

    /// <summary>获取短信验证码, behind the captcha: answers the page's script with JSON, or re-shows the form without script.</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode(RegisterLegalEntityForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        return await this.SendCodeBehindCaptchaAsync(
            captcha, form, () => sms.SendAsync(form.Phone, SmsPurpose.Registration, HttpContext.RequestAborted), nameof(form.Phone), nameof(Index));
    }
}
