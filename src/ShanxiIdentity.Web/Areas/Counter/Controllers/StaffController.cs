using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>员工管理 (administrators): staff accounts and their roles.</summary>
[Authorize(Policy = CounterPolicy.Administrator)]
[Route("/counter/staff")]
public sealed class StaffController(StaffDirectory directory) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await directory.ListAsync(Aborted));

    [HttpGet("new")]
    public IActionResult New() => View(new NewStaffForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(NewStaffForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View(form);
        }

        var created = await directory.CreateAsync(form.LoginName!.Trim(), form.Name!, form.Roles, StaffId, form.Hall, Aborted);
        if (!created.Succeeded)
        {
            ModelState.AddModelError(created.Error == AccountMessages.StaffLoginNameTaken ? nameof(form.LoginName) : created.Error == CounterMessages.HallUnknown ? nameof(form.Hall) : string.Empty, created.Error!);
            return View(form);
        }

        // Shown once, never stored in clear: the member replaces it at the first sign-in.
        Response.Headers.CacheControl = "no-store";
        return View("Created", new StaffCreatedView(created.Account!.UserName!, created.Account.Staff!.Name, created.InitialPassword!));
    }

    [HttpPost("{id:guid}/reset")]
    public async Task<IActionResult> Reset(Guid id)
    {
        var reset = await directory.ResetAsync(id, StaffId, Aborted);
        if (!reset.Succeeded)
        {
            TempData["Warning"] = reset.Error;
            return RedirectToAction(nameof(Index));
        }

        Response.Headers.CacheControl = "no-store";
        ViewData["Reset"] = true;
        return View("Created", new StaffCreatedView(reset.Account!.UserName!, reset.Account.Staff!.Name, reset.InitialPassword!));
    }

    [HttpPost("{id:guid}/roles")]
    public async Task<IActionResult> Roles(Guid id, List<string> roles)
    {
        var refusal = await directory.SetRolesAsync(id, roles ?? [], StaffId, Aborted);
        TempData[refusal is null ? "Status" : "Warning"] = refusal ?? CounterMessages.RolesSaved;
        return RedirectToAction(nameof(Index));
    }
}
