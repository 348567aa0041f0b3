using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;
using ShanxiIdentity.Web.Services.Closing;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>我的账号 › 注销账号: what closing means, what must end first, and the request after the password and an SMS code.</summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/closing")]
public sealed class ClosingController(
    UserManager<Account> users,
    AccountLocator locator,
    AccountClosings closings,
    AccountClosingSettings settings,
    ActingContext acting) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await CurrentAsync() is { } account ? await PageAsync(account, new CloseAccountForm()) : Challenge();

    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("sms")]
    public async Task<IActionResult> SendCode()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Json(new { sent = false, message = ClosingMessages.NoReservedPhone });
        }

        var result = await closings.SendCodeAsync(account, HttpContext.RequestAborted);
        return Json(new { sent = result.Sent, message = result.Message });
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Close([Bind(Prefix = "Form")] CloseAccountForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        if (ModelState.IsValid)
        {
            var outcome = await closings.RequestAsync(account, form.CurrentPassword, form.SmsCode, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                TempData["Status"] = ClosingMessages.Requested(ChinaTime.ToMinute(new DateTimeOffset(outcome.DueAt!.Value, TimeSpan.Zero)));
                return Redirect(ClosingGate.PendingPath);
            }

            ModelState.AddModelError(outcome.Field is { } field ? "Form." + field : string.Empty, outcome.Message!);
        }

        return await PageAsync(account, new CloseAccountForm());
    }

    private async Task<IActionResult> PageAsync(Account account, CloseAccountForm form) =>
        View("Index", new ClosingView(
            account.Kind == AccountKind.LegalEntity,
            acting.Current is not null,
            MobilePhone.Parse(account.PhoneNumber).Value?.Masked,
            settings.CoolingOffDays,
            await closings.BlockersAsync(account, HttpContext.RequestAborted),
            form));

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
