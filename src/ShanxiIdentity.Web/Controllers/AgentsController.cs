using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Agents;
using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 经办人管理: the 法人账号, or a person acting for the organisation as its 管理员, grants, changes
/// and withdraws 经办人 authorisations. Every read and change is scoped to the organisation of the
/// request (<see cref="ActingContext.Administrator"/>): another organisation's id is not found.
/// </summary>
[Authorize(Policy = AgentPolicy.OrganisationAdministrator)]
[Route("/my/agents")]
public sealed class AgentsController(
    ActingContext acting,
    AgentAuthorizations authorizations,
    AgentDirectory directory,
    AgentSettings settings,
    TimeProvider clock) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        acting.Administrator is { } by ? await IndexViewAsync(by, GrantAgentForm.Blank(ChinaTime.Today(clock))) : Forbid();

    /// <summary>新增授权: the person is texted, so the form counts against the SMS limit.</summary>
    [EnableRateLimiting(ClientRateLimits.Sms)]
    [HttpPost("")]
    public async Task<IActionResult> Grant(GrantAgentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (acting.Administrator is not { } by)
        {
            return Forbid();
        }

        if (ModelState.IsValid)
        {
            var outcome = await authorizations.GrantAsync(by, form.ToGrant(), HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                TempData["Status"] = outcome.Message;
                return RedirectToAction(nameof(Index));
            }

            ModelState.AddModelError(outcome.Field ?? string.Empty, outcome.Message);
        }

        return await IndexViewAsync(by, form);
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id)
    {
        if (acting.Administrator is not { } by)
        {
            return Forbid();
        }

        return await directory.FindAsync(by.OrganisationAccountId, id, HttpContext.RequestAborted) switch
        {
            null => NotFound(),
            { Open: false } => Ended(),
            { } own when own.Id == by.ActorAuthorizationId => BackToList(AgentMessages.CannotChangeOwn),
            var row => View(new AgentEditView(row, ChangeAgentForm.From(row), await ChoicesAsync())),
        };
    }

    /// <summary>修改, against the version the form showed: a change made meanwhile is shown, never overwritten.</summary>
    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Change(Guid id, ChangeAgentForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (acting.Administrator is not { } by)
        {
            return Forbid();
        }

        if (await directory.FindAsync(by.OrganisationAccountId, id, HttpContext.RequestAborted) is not { } row)
        {
            return NotFound();
        }

        if (!row.Open)
        {
            return Ended();
        }

        if (ModelState.IsValid)
        {
            var outcome = await authorizations.ChangeAsync(by, id, form.Version, form.ToTerms(), HttpContext.RequestAborted);
            if (outcome.Succeeded)
            {
                TempData["Status"] = outcome.Message;
                return RedirectToAction(nameof(Index));
            }

            if (outcome.Message == AgentMessages.ChangedMeanwhile)
            {
                // Show what the other administrator saved, with its version, for this one to decide again.
                if (await directory.FindAsync(by.OrganisationAccountId, id, HttpContext.RequestAborted) is not { Open: true } current)
                {
                    return Ended();
                }

                ModelState.Clear();
                ModelState.AddModelError(string.Empty, outcome.Message);
                return View(nameof(Edit), new AgentEditView(current, ChangeAgentForm.From(current), await ChoicesAsync()));
            }

            ModelState.AddModelError(outcome.Field ?? string.Empty, outcome.Message);
        }

        return View(nameof(Edit), new AgentEditView(row, form, await ChoicesAsync()));
    }

    /// <summary>撤回: a plain form post from the list; the outcome is shown there.</summary>
    [HttpPost("{id:guid}/withdraw")]
    public async Task<IActionResult> Withdraw(Guid id)
    {
        if (acting.Administrator is not { } by)
        {
            return Forbid();
        }

        if (await directory.FindAsync(by.OrganisationAccountId, id, HttpContext.RequestAborted) is null)
        {
            return NotFound();
        }

        var outcome = await authorizations.WithdrawAsync(by, id, HttpContext.RequestAborted);
        TempData[outcome.Succeeded ? "Status" : "Warning"] = outcome.Message;
        return RedirectToAction(nameof(Index));
    }

    /// <summary>谁以本单位名义做了什么.</summary>
    [HttpGet("activity")]
    public async Task<IActionResult> Activity() =>
        acting.Administrator is { } by ? View(await directory.ActivityAsync(by.OrganisationAccountId, HttpContext.RequestAborted)) : Forbid();

    private RedirectToActionResult Ended() => BackToList(AgentMessages.Ended);

    private RedirectToActionResult BackToList(string warning)
    {
        TempData["Warning"] = warning;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> IndexViewAsync(OrganisationAdministrator by, GrantAgentForm form) =>
        View(nameof(Index), new AgentsView(await directory.ForOrganisationAsync(by.OrganisationAccountId, HttpContext.RequestAborted), form, await ChoicesAsync(), by.ActorAuthorizationId));

    private async Task<AgentChoices> ChoicesAsync() =>
        new(await directory.SystemsAsync(HttpContext.RequestAborted), settings.MaxAdministrators, settings.MaxValidityDays);
}
