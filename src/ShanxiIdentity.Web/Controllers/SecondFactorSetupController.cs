using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>我的账号 › 两步验证: an authenticator app or SMS codes after the password, and recovery codes.</summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/second-factor")]
public sealed class SecondFactorSetupController(
    UserManager<Account> users,
    AccountLocator locator,
    AuthenticatorKeys keys,
    SecondFactorCodes codes,
    SecondFactorSetup setup) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? returnUrl) =>
        await CurrentAsync() is { } account ? await PageAsync(account, new SecondFactorSetupForm { ReturnUrl = returnUrl }) : Challenge();

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("enable")]
    public async Task<IActionResult> Enable([Bind(Prefix = "Form")] SecondFactorSetupForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var change = await setup.EnableAsync(account, form.CurrentPassword, form.Method, form.Code, HttpContext.RequestAborted);
        return await AnswerAsync(account, form, change, SecondFactorMessages.Enabled);
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("disable")]
    public async Task<IActionResult> Disable([Bind(Prefix = "Form")] SecondFactorSetupForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var change = await setup.DisableAsync(account, form.CurrentPassword, form.Code, form.Recovery, HttpContext.RequestAborted);
        return await AnswerAsync(account, form, change, SecondFactorMessages.Disabled);
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("recovery-codes")]
    public async Task<IActionResult> RecoveryCodes([Bind(Prefix = "Form")] SecondFactorSetupForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var change = await setup.RenewRecoveryCodesAsync(account, form.CurrentPassword, form.Code, form.Recovery, HttpContext.RequestAborted);
        return await AnswerAsync(account, form, change, SecondFactorMessages.RecoveryCodesRenewed);
    }

    /// <summary>A code to the account's own reserved phone, to turn SMS codes on (or two-step off).</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var result = await codes.SendAsync(account, HttpContext.RequestAborted);
        if (Request.WantsJson())
        {
            return Json(new { sent = result.Sent, message = result.Message });
        }

        var form = new SecondFactorSetupForm { Method = AuthenticationMethods.Sms };
        if (result.Sent)
        {
            ViewData["SmsStatus"] = result.Message;
        }
        else
        {
            ModelState.AddModelError("Form." + nameof(form.Code), result.Message);
        }

        return await PageAsync(account, form);
    }

    private async Task<IActionResult> AnswerAsync(Account account, SecondFactorSetupForm form, SecondFactorChange change, string done)
    {
        if (!change.Succeeded)
        {
            ModelState.AddModelError(change.Field is null ? string.Empty : "Form." + change.Field, change.Message!);
            form.CurrentPassword = null;
            form.Code = null;
            return await PageAsync(account, form);
        }

        if (change.RecoveryCodes is null)
        {
            TempData["Status"] = done;
            return RedirectToAction(nameof(Index));
        }

        // Shown once, in this answer only (never stored in TempData or the page's address).
        ViewData["Status"] = done;
        return await PageAsync(account, new SecondFactorSetupForm { ReturnUrl = form.ReturnUrl }, change.RecoveryCodes);
    }

    private async Task<IActionResult> PageAsync(Account account, SecondFactorSetupForm form, IReadOnlyList<string>? recoveryCodes = null)
    {
        var method = await codes.MethodAsync(account);
        var authenticator = method is null ? await keys.SetupAsync(account) : null;
        return View("Index", new SecondFactorSetupView(method, authenticator, MobilePhone.Parse(account.PhoneNumber).Value?.Masked, form, recoveryCodes));
    }

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
