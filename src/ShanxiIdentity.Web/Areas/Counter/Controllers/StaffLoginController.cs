using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Controllers;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>工作人员登录: password and captcha, then the authenticator code (or, the first time, binding one).</summary>
[Route("/counter")]
public sealed class StaffLoginController(StaffSignIn staffSignIn, AuthenticatorKeys keys, CaptchaService captcha) : CounterController
{
    [AllowAnonymous]
    [HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new StaffLoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous]
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("login")]
    public async Task<IActionResult> Login(StaffLoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, Aborted)))
        {
            return View(form);
        }

        var result = await staffSignIn.PasswordAsync(form.LoginName, form.Password, Aborted);
        switch (result.Step)
        {
            case StaffStep.Code:
                return View("Code", new StaffCodeForm { Ticket = result.Ticket, ReturnUrl = form.ReturnUrl });
            case StaffStep.Enrol:
                return await EnrolViewAsync(new StaffEnrolForm { Ticket = result.Ticket, ReturnUrl = form.ReturnUrl });
            default:
                ModelState.AddModelError(nameof(form.Password), result.Message!);
                return View(form);
        }
    }

    [AllowAnonymous]
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("login/code")]
    public async Task<IActionResult> Code(StaffCodeForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var result = await staffSignIn.CodeAsync(form.Ticket, form.Code, Aborted);
        return Next(result, form, () => View(form));
    }

    [AllowAnonymous]
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("login/enrol")]
    public async Task<IActionResult> Enrol(StaffEnrolForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await EnrolViewAsync(form);
        }

        var result = await staffSignIn.EnrolAsync(form.Ticket, form.Password!, form.Code, Aborted);
        if (result.Step == StaffStep.Enrol)
        {
            ModelState.AddModelError(nameof(form.Code), result.Message!);
            return await EnrolViewAsync(form);
        }

        return Next(result, form, () => View("Code", form));
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await staffSignIn.SignOutAsync(StaffId);
        TempData["Status"] = "您已安全退出";
        return Redirect(CounterPolicy.LoginPath);
    }

    private IActionResult Next(StaffStepResult result, StaffCodeForm form, Func<IActionResult> again)
    {
        switch (result.Step)
        {
            case StaffStep.SignedIn:
                if (form is StaffEnrolForm)
                {
                    TempData["Status"] = CounterMessages.StaffEnrolled;
                }

                return Url.IsLocalUrl(form.ReturnUrl) && form.ReturnUrl.StartsWith(CounterPolicy.PathPrefix + "/", StringComparison.Ordinal)
                    ? LocalRedirect(form.ReturnUrl)
                    : Redirect(CounterPolicy.PathPrefix);
            case StaffStep.Refused:
                // The ticket ran out (or was never valid): start again from the password.
                TempData["Warning"] = result.Message;
                return Redirect(CounterPolicy.LoginPath);
            default:
                ModelState.AddModelError(nameof(form.Code), result.Message!);
                return again();
        }
    }

    private async Task<IActionResult> EnrolViewAsync(StaffEnrolForm form)
    {
        if (await staffSignIn.HolderAsync(form.Ticket, Aborted) is not { TwoFactorEnabled: false } holder)
        {
            TempData["Warning"] = Domain.Accounts.AccountMessages.ResetExpired;
            return Redirect(CounterPolicy.LoginPath);
        }

        ViewData["Setup"] = await keys.SetupAsync(holder);
        form.Password = null;
        form.ConfirmPassword = null;
        return View("Enrol", form);
    }
}
