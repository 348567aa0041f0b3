using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>短信验证码登录 (个人 or 法人): the reserved phone, a code sent to it behind the captcha, and the code.</summary>
[Route("/account/login/sms")]
public sealed class SmsLoginController(CaptchaService captcha, SmsSignIn smsSignIn) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl, string? kind)
    {
        await HttpContext.AllowReturnToClientAsync(returnUrl);
        return View(new SmsLoginForm { ReturnUrl = returnUrl, Kind = kind == LoginKinds.Legal ? LoginKinds.Legal : LoginKinds.Person });
    }

    /// <summary>获取短信验证码, behind the captcha; the answer is the same whether or not the phone has an account.</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("send")]
    public async Task<IActionResult> SendCode(SmsLoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        await HttpContext.AllowReturnToClientAsync(form.ReturnUrl);
        var kind = LoginKinds.ToAccountKind(form.Kind);
        return await this.SendCodeBehindCaptchaAsync(
            captcha,
            form,
            () => MobilePhone.Parse(form.Phone) is { IsValid: true } phone
                ? smsSignIn.SendAsync(kind, phone.Value!, HttpContext.RequestAborted)
                : Task.FromResult(new SmsSendResult(false, MobilePhone.Parse(form.Phone).Error!)),
            nameof(form.Phone),
            nameof(Index));
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Index(SmsLoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        await HttpContext.AllowReturnToClientAsync(form.ReturnUrl);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, HttpContext.RequestAborted)))
        {
            return View(form);
        }

        var phone = MobilePhone.Parse(form.Phone).Value!;
        var result = await smsSignIn.SignInAsync(LoginKinds.ToAccountKind(form.Kind), phone, form.SmsCode!.Trim(), HttpContext.RequestAborted);
        switch (result.Outcome)
        {
            case SmsSignInOutcome.SignedIn:
                return this.ReturnOrMyAccount(form.ReturnUrl);
            case SmsSignInOutcome.Gate:
                // The password login's refusal and hint, word for word.
                ModelState.AddModelError(nameof(form.Phone), result.Message!);
                ViewData["Hint"] = "counter";
                ViewData["MaterialsUserType"] = Guidance.MaterialsChoice.SlugFor(result.Account!);
                break;
            case SmsSignInOutcome.LockedOut:
                ModelState.AddModelError(nameof(form.Phone), result.Message!);
                break;
            default:
                ModelState.AddModelError(nameof(form.SmsCode), result.Message!);
                break;
        }

        return View(form);
    }
}
