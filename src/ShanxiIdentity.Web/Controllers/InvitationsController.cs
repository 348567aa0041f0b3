using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 单位授权 on 我的账号: the person accepts or declines an organisation's invitation. Only an
/// invitation naming this person (姓名 and 身份证号) can be answered; any other id is refused alike.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/invitations")]
public sealed class InvitationsController(UserManager<Account> users, AccountLocator locator, AgentAuthorizations authorizations) : Controller
{
    [HttpPost("{id:guid}/accept")]
    public Task<IActionResult> Accept(Guid id) => RespondAsync(id, accept: true);

    [HttpPost("{id:guid}/decline")]
    public Task<IActionResult> Decline(Guid id) => RespondAsync(id, accept: false);

    private async Task<IActionResult> RespondAsync(Guid id, bool accept)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var accountId) || await locator.FindByIdAsync(accountId, HttpContext.RequestAborted) is not { } account)
        {
            return Challenge();
        }

        var outcome = accept
            ? await authorizations.AcceptAsync(account, id, HttpContext.RequestAborted)
            : await authorizations.DeclineAsync(account, id, HttpContext.RequestAborted);
        TempData[outcome.Succeeded ? "Status" : "Warning"] = outcome.Message;
        return RedirectToAction(nameof(MyAccountController.Index), "MyAccount");
    }
}
