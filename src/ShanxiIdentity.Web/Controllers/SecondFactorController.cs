using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 两步验证 after the password (the login page renders this step with its ticket), and step-up: a
/// signed-in person without a second factor in the session proves one (a client system asked for more).
/// </summary>
[Route("/account/second-factor")]
public sealed class SecondFactorController(
    SecondFactorSignIn secondFactor,
    SecondFactorCodes codes,
    AccountLocator locator,
    UserManager<Account> users) : Controller
{
    public const string CodeView = "~/Views/SecondFactor/Index.cshtml";

    /// <summary>Step-up for the signed-in: nothing to prove when the session has mfa; set one up when the account has none.</summary>
    [Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl)
    {
        await HttpContext.AllowReturnToClientAsync(returnUrl);
        if (await SignedInAsync() is not { } account)
        {
            return Challenge();
        }

        if (User.HasClaim(AuthenticationMethods.ClaimType, AuthenticationMethods.MultiFactor))
        {
            return this.ReturnOrMyAccount(returnUrl);
        }

        return await codes.MethodAsync(account) is { } method
            ? View(CodeView, new SecondFactorForm { ReturnUrl = returnUrl, Method = method })
            : RedirectToAction("Index", "SecondFactorSetup", new { returnUrl });
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Index(SecondFactorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        await HttpContext.AllowReturnToClientAsync(form.ReturnUrl);
        var stepUp = string.IsNullOrEmpty(form.Ticket);
        if (await HolderAsync(form) is not { } account)
        {
            return StartAgain(form);
        }

        form.Method = await codes.MethodAsync(account);
        if (await secondFactor.CompleteAsync(account, form.Code, form.Recovery, stepUp, HttpContext.RequestAborted) is { } refusal)
        {
            if (!stepUp && await secondFactor.HolderAsync(form.Ticket, HttpContext.RequestAborted) is null)
            {
                // The ticket was spent meanwhile (a parallel use) or ran out: back to the password.
                return StartAgain(form);
            }

            ModelState.AddModelError(nameof(form.Code), refusal);
            form.Code = null;
            return View(CodeView, form);
        }

        return this.ReturnOrMyAccount(form.ReturnUrl);
    }

    /// <summary>获取短信验证码 to the reserved phone, for the holder of the ticket (its password was right) or the signed-in person.</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode(SecondFactorForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await HolderAsync(form) is not { } account || await codes.MethodAsync(account) != AuthenticationMethods.Sms)
        {
            return Request.WantsJson() ? Json(new { sent = false, message = SecondFactorMessages.StartAgain }) : StartAgain(form);
        }

        form.Method = AuthenticationMethods.Sms;
        var result = string.IsNullOrEmpty(form.Ticket) && SignInMethods.SmsAddsNoFactor(User)
            ? new SmsSendResult(false, SecondFactorMessages.SmsAfterQr)
            : await codes.SendAsync(account, HttpContext.RequestAborted);
        return this.SmsSendAnswer(result, nameof(form.Code), CodeView, form);
    }

    private async Task<Account?> HolderAsync(SecondFactorForm form) =>
        string.IsNullOrEmpty(form.Ticket)
            ? await SignedInAsync()
            : await secondFactor.HolderAsync(form.Ticket, HttpContext.RequestAborted);

    private async Task<Account?> SignedInAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) && await locator.FindByIdAsync(id, HttpContext.RequestAborted) is { Kind: not AccountKind.Staff } account
            ? account
            : null;

    private RedirectToActionResult StartAgain(SecondFactorForm form)
    {
        TempData["Warning"] = SecondFactorMessages.StartAgain;
        return RedirectToAction("Login", "Login", new { returnUrl = form.ReturnUrl });
    }
}
