using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Sessions;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 我的账号 › 登录记录: recent sign-ins and the browsers signed in now, each other one with 退出该设备.
/// A person acting for an organisation (经办人) sees their own sessions: they are the person's.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/sign-ins")]
public sealed class SignInHistoryController(UserManager<Account> users, SignInHistory history) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        Guid.TryParse(users.GetUserId(User), out var accountId)
            ? View(await history.ForAsync(accountId, SignInSessions.IdOf(User), HttpContext.RequestAborted))
            : Challenge();

    /// <summary>Only the account's own other sessions: any other id (another account's, malformed, this one) is not found.</summary>
    [HttpPost("{id}/end")]
    public async Task<IActionResult> End(string id)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var accountId))
        {
            return Challenge();
        }

        if (!Guid.TryParseExact(id, "N", out var sessionId)
            || !await history.EndAsync(accountId, sessionId, SignInSessions.IdOf(User), HttpContext.RequestAborted))
        {
            return NotFound();
        }

        TempData["Status"] = SignInHistoryMessages.SessionEnded;
        return RedirectToAction(nameof(Index));
    }
}
