using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>忘记密码: the account, then an SMS code to its reserved phone and a new password.</summary>
[Route("/account/forgot")]
public sealed class PasswordResetController(
    CaptchaService captcha,
    AccountLocator locator,
    PasswordResetTicket tickets,
    SmsCodeService sms,
    AccountChanges changes) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? kind) => View(new ForgotPasswordForm { Kind = kind == LoginKinds.Legal ? LoginKinds.Legal : LoginKinds.Person });

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Index(ForgotPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid
            || !ModelState.AddCaptchaVerdict(await captcha.VerifyAsync(form.CaptchaId, form.Captcha, HttpContext.RequestAborted)))
        {
            return View(form);
        }

        var account = await locator.FindAsync(LoginKinds.ToAccountKind(form.Kind), form.Account, HttpContext.RequestAborted);
        if (account is null)
        {
            ModelState.AddModelError(nameof(form.Account), SeedMessages.AccountDoesNotExist);
            return View(form);
        }

        if (MobilePhone.Parse(account.PhoneNumber).Value is null)
        {
            ModelState.AddModelError(nameof(form.Account), AccountMessages.NoReservedPhone);
            return View(form);
        }

        ViewData["MaterialsUserType"] = MaterialsChoice.SlugFor(account);
        return View("Reset", new ResetPasswordForm { Ticket = tickets.Issue(account) });
    }

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode(ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        ModelState.Clear();
        var (account, phone) = await ReadTicketAsync(form.Ticket);
        if (account is null || phone is null)
        {
            // The page's script gets the reason, not a redirect it cannot show.
            return Request.WantsJson() ? Json(new { sent = false, message = AccountMessages.ResetExpired }) : Expired();
        }

        var result = await sms.SendAsync(phone, SmsPurpose.PasswordReset, AccountMessages.SmsSentToReservedPhone, HttpContext.RequestAborted);
        ViewData["MaterialsUserType"] = MaterialsChoice.SlugFor(account);
        return this.SmsSendAnswer(result, nameof(form.SmsCode), "Reset", form);
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("reset")]
    public async Task<IActionResult> Reset(ResetPasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (account, phone) = await ReadTicketAsync(form.Ticket);
        if (account is null || phone is null)
        {
            return Expired();
        }

        ViewData["MaterialsUserType"] = MaterialsChoice.SlugFor(account);
        foreach (var error in PortalPasswordValidator.Check(account, form.Password))
        {
            ModelState.AddModelError(nameof(form.Password), error);
        }

        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var code = await sms.VerifyAsync(phone, SmsPurpose.PasswordReset, form.SmsCode, HttpContext.RequestAborted);
        if (code != SmsCodeVerdict.Passed)
        {
            ModelState.AddModelError(nameof(form.SmsCode), SmsCodeService.Message(code));
            return View(form);
        }

        var reset = await changes.ResetPasswordAsync(account, form.Password!, HttpContext.RequestAborted);
        if (!reset.Succeeded)
        {
            foreach (var error in reset.Errors)
            {
                ModelState.AddModelError(nameof(form.Password), error.Description);
            }

            return View(form);
        }

        TempData["Status"] = AccountMessages.PasswordResetDone;
        return RedirectToAction("Login", "Login", account.Kind == AccountKind.LegalEntity ? new { kind = LoginKinds.Legal } : null);
    }

    private async Task<(Account? Account, MobilePhone? Phone)> ReadTicketAsync(string? ticket)
    {
        if (tickets.AccountId(ticket) is not { } id
            || await locator.FindByIdAsync(id, HttpContext.RequestAborted) is not { } account
            || !tickets.Holds(ticket, account))
        {
            return (null, null);
        }

        return (account, MobilePhone.Parse(account.PhoneNumber).Value);
    }

    private RedirectToActionResult Expired()
    {
        TempData["Warning"] = AccountMessages.ResetExpired;
        return RedirectToAction(nameof(Index));
    }
}
