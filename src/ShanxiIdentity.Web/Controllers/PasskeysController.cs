using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 我的账号 › 通行密钥: the list works without script (rename, remove); adding needs the browser's
/// WebAuthn, so its two steps answer JSON to passkeys.js, and explain themselves to a plain form post.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/passkeys")]
public sealed class PasskeysController(UserManager<Account> users, AccountLocator locator, PasskeySetup setup) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        await CurrentAsync() is { } account ? await PageAsync(account, new PasskeyForm()) : Challenge();

    /// <summary>Step 1: the name and the current password; the browser's creation options.</summary>
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("options")]
    public async Task<IActionResult> Options([Bind(Prefix = "Form")] PasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        if (!Request.WantsJson())
        {
            ModelState.AddModelError(string.Empty, PasskeyMessages.NeedsScript);
            return await PageAsync(account, new PasskeyForm { Name = form.Name });
        }

        var change = await setup.BeginAsync(account, form.CurrentPassword, form.Name);
        return change.Succeeded
            ? Content("{\"ok\":true,\"options\":" + change.OptionsJson + "}", "application/json")
            : Json(new { ok = false, field = change.Field, message = change.Message });
    }

    /// <summary>Step 2: the name and the browser's new credential.</summary>
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Add([Bind(Prefix = "Form")] PasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        var change = await setup.AddAsync(account, form.Credential, form.Name, HttpContext.RequestAborted);
        if (change.Succeeded)
        {
            TempData["Status"] = PasskeyMessages.Added;
        }

        return Json(new { ok = change.Succeeded, field = change.Field, message = change.Message, redirect = Url.Action(nameof(Index)) });
    }

    [HttpPost("{id}/rename")]
    public async Task<IActionResult> Rename(string id, [Bind(Prefix = "Form")] PasskeyForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        return await setup.RenameAsync(account, id, form.Name, HttpContext.RequestAborted) switch
        {
            null => NotFound(),
            { Succeeded: true } => Done(PasskeyMessages.Renamed),
            var refused => await RefusedAsync(account, refused),
        };
    }

    [HttpPost("{id}/remove")]
    public async Task<IActionResult> Remove(string id)
    {
        if (await CurrentAsync() is not { } account)
        {
            return Challenge();
        }

        return await setup.RemoveAsync(account, id, HttpContext.RequestAborted) is null ? NotFound() : Done(PasskeyMessages.Removed);
    }

    private RedirectToActionResult Done(string status)
    {
        TempData["Status"] = status;
        return RedirectToAction(nameof(Index));
    }

    private async Task<IActionResult> RefusedAsync(Account account, PasskeyChange refused)
    {
        ModelState.AddModelError(string.Empty, refused.Message!);
        return await PageAsync(account, new PasskeyForm());
    }

    private async Task<IActionResult> PageAsync(Account account, PasskeyForm form) =>
        View("Index", new PasskeySetupView(await setup.ListAsync(account, HttpContext.RequestAborted), form));

    private async Task<Account?> CurrentAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
