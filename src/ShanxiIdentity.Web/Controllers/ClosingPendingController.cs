using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Closing;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// The cooling-off of 注销账号: whichever way the holder signed in, this is the one page the account
/// reaches (<see cref="ClosingGate"/>): 撤销注销, or 退出.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[AllowDuringClosing]
[Route(ClosingGate.PendingPath)]
public sealed class ClosingPendingController(UserManager<Account> users, AccountLocator locator, AccountClosings closings) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        return account.ClosingDueAt is { } due && !account.IsClosed
            ? View(new ClosingPendingView(ChinaTime.ToMinute(new DateTimeOffset(due, TimeSpan.Zero))))
            : RedirectToAction(nameof(MyAccountController.Index), "MyAccount");
    }

    [HttpPost("cancel")]
    public async Task<IActionResult> Cancel()
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var outcome = await closings.CancelAsync(account, HttpContext.RequestAborted);
        TempData[outcome.Succeeded ? "Status" : "Warning"] = outcome.Succeeded ? ClosingMessages.Cancelled : outcome.Message;
        return outcome.Succeeded ? RedirectToAction(nameof(MyAccountController.Index), "MyAccount") : RedirectToAction(nameof(Index));
    }

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
