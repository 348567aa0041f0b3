using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 身份切换: a person chooses, for this browser, whether to act for themselves (个人办事) or for an
/// organisation whose authorisation is in force today, and may keep the choice for every sign-in.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/acting")]
public sealed class ActingController(
    UserManager<Account> users,
    AgentDirectory directory,
    ActingSessions sessions,
    AgentAuthorizations authorizations,
    ActingContext acting) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        PersonId() is { } person
            ? View(await ViewAsync(person, new ActingForm { Identity = ActingForm.ValueOf(acting.Current?.AuthorizationId) }))
            : RedirectToAction(nameof(MyAccountController.Index), "MyAccount");

    [HttpPost("")]
    public async Task<IActionResult> Index(ActingForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (PersonId() is not { } person)
        {
            return RedirectToAction(nameof(MyAccountController.Index), "MyAccount");
        }

        if (SignInSessions.IdOf(User) is not { } session)
        {
            return Challenge();
        }

        if (!form.TryChoice(out var chosen))
        {
            ModelState.AddModelError(nameof(form.Identity), AgentMessages.ChooseIdentity);
        }

        if (ModelState.IsValid)
        {
            var outcome = await sessions.SwitchAsync(session, person, chosen, HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                var status = chosen is null ? AgentMessages.NowPersonal : AgentMessages.NowActingFor(outcome.Message);
                if (form.MakeDefault && (await authorizations.SetDefaultAsync(person, chosen, HttpContext.RequestAborted)).Succeeded)
                {
                    status += "，" + AgentMessages.DefaultSaved;
                }

                TempData["Status"] = status;
                return RedirectToAction(nameof(MyAccountController.Index), "MyAccount");
            }

            ModelState.AddModelError(nameof(form.Identity), outcome.Message);
        }

        return View(await ViewAsync(person, form));
    }

    /// <summary>Only a person acts for an organisation; an organisation's own account has nothing to switch.</summary>
    private Guid? PersonId() =>
        acting.AccountKind == AccountKind.Person && Guid.TryParse(users.GetUserId(User), out var id) ? id : null;

    private async Task<ActingView> ViewAsync(Guid person, ActingForm form)
    {
        var accepted = await directory.AcceptedAsync(person, HttpContext.RequestAborted);
        return new ActingView([.. accepted.Where(a => a.InForce)], acting.Current?.AuthorizationId, form);
    }
}
