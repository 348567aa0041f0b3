using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.SingleSignOn;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>我的账号: what the portal holds, and the changes a citizen can make online.</summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my")]
public sealed class MyAccountController(
    UserManager<Account> users,
    AccountLocator locator,
    SmsCodeService sms,
    PasswordSignIn passwordCheck,
    AccountChanges changes,
    MyAccountPage page,
    ConsentRegistry consents) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await CurrentAsync() is { } account ? View(await page.ForAsync(account, HttpContext.RequestAborted)) : Challenge();

    /// <summary>撤销授权: the client system must ask again, and its tokens stop working at once.</summary>
    [HttpPost("consents/{id}/withdraw")]
    public async Task<IActionResult> WithdrawConsent(string id)
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        if (await consents.WithdrawAsync(account.Id, id, HttpContext.RequestAborted))
        {
            TempData["Status"] = ClientMessages.ConsentWithdrawn;
        }

        return RedirectToAction(nameof(Index));
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("password")]
    public async Task<IActionResult> ChangePassword([Bind(Prefix = "ChangePassword")] ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        const string prefix = "ChangePassword.";
        foreach (var error in PortalPasswordValidator.Check(account, form.Password))
        {
            ModelState.AddModelError(prefix + nameof(form.Password), error);
        }

        if (ModelState.IsValid && await passwordCheck.CheckAsync(account, form.CurrentPassword!) is { Outcome: not SignInOutcome.PasswordAccepted } refused)
        {
            ModelState.AddModelError(prefix + nameof(form.CurrentPassword), refused.Outcome == SignInOutcome.LockedOut ? refused.LockedMessage() : AccountMessages.CurrentPasswordWrong);
        }

        if (ModelState.IsValid)
        {
            var changed = await changes.ChangePasswordAsync(account, form.Password!, HttpContext.RequestAborted);
            if (changed.Succeeded)
            {
                TempData["Status"] = AccountMessages.PasswordChangedElsewhereSignedOut;
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(prefix + nameof(form.Password), string.Join("；", changed.Errors.Select(e => e.Description)));
        }

        return View(nameof(Index), MyAccountPage.Profile(account) with { ChangePassword = form });
    }

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("phone/sms-old")]
    public async Task<IActionResult> SendOldPhoneCode()
    {
        if (await CurrentAsync() is not { } account || MobilePhone.Parse(account.PhoneNumber).Value is not { } phone)
        {
            return Json(new { sent = false, message = AccountMessages.NoReservedPhone });
        }

        var result = await sms.SendAsync(phone, SmsPurpose.PhoneChangeOld, HttpContext.RequestAborted);
        return Json(new { sent = result.Sent, message = result.Message });
    }

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("phone/sms-new")]
    public async Task<IActionResult> SendNewPhoneCode([Bind(Prefix = "ChangePhone")] ChangePhoneForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        // Codes go to a new number only for whoever holds the reserved phone (its code checked, not
        // spent): otherwise any signed-in account could send codes to any number, with no captcha.
        if (MobilePhone.Parse(account.PhoneNumber).Value is not { } oldPhone
            || !(await sms.CheckAsync(oldPhone, SmsPurpose.PhoneChangeOld, form.OldPhoneCode, HttpContext.RequestAborted)).Passed)
        {
            return Json(new { sent = false, message = AccountMessages.OldPhoneCodeFirst });
        }

        var result = await sms.SendAsync(form.NewPhone, SmsPurpose.PhoneChangeNew, HttpContext.RequestAborted);
        return Json(new { sent = result.Sent, message = result.Message });
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("phone")]
    public async Task<IActionResult> ChangePhone([Bind(Prefix = "ChangePhone")] ChangePhoneForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        const string prefix = "ChangePhone.";
        var oldPhone = MobilePhone.Parse(account.PhoneNumber).Value;
        var newPhone = MobilePhone.Parse(form.NewPhone).Value;
        if (ModelState.IsValid && oldPhone is not null && newPhone is not null)
        {
            if (newPhone.Equals(oldPhone))
            {
                ModelState.AddModelError(prefix + nameof(form.NewPhone), AccountMessages.SamePhone);
            }
            else if (await passwordCheck.CheckAsync(account, form.CurrentPassword!) is { Outcome: not SignInOutcome.PasswordAccepted } refused)
            {
                // The same count and lockout as at login: this form must not be a way round them.
                ModelState.AddModelError(prefix + nameof(form.CurrentPassword), refused.Outcome == SignInOutcome.LockedOut ? refused.LockedMessage() : AccountMessages.CurrentPasswordWrong);
            }
            else if (await sms.VerifyAsync(oldPhone, SmsPurpose.PhoneChangeOld, form.OldPhoneCode, HttpContext.RequestAborted) is var oldCode && oldCode != SmsCodeVerdict.Passed)
            {
                ModelState.AddModelError(prefix + nameof(form.OldPhoneCode), SmsCodeService.Message(oldCode));
            }
            else if (await sms.VerifyAsync(newPhone, SmsPurpose.PhoneChangeNew, form.NewPhoneCode, HttpContext.RequestAborted) is var newCode && newCode != SmsCodeVerdict.Passed)
            {
                ModelState.AddModelError(prefix + nameof(form.NewPhoneCode), SmsCodeService.Message(newCode));
            }
            else
            {
                await changes.ChangePhoneAsync(account, newPhone.Value, HttpContext.RequestAborted);
                TempData["Status"] = AccountMessages.PhoneChanged;
                TempData["OfferSignOutOthers"] = true;
                return RedirectToAction(nameof(Index));
            }
        }

        return View(nameof(Index), MyAccountPage.Profile(account) with { ChangePhone = form });
    }

    [HttpPost("sign-out-others")]
    public async Task<IActionResult> SignOutOthers()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        await changes.SignOutOthersAsync(account, HttpContext.RequestAborted);
        TempData["Status"] = AccountMessages.OtherSessionsSignedOut;
        return RedirectToAction(nameof(Index));
    }

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
