using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.PersonalInformation;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 我的账号 › 下载我的信息 and 谁查看了我的信息. A copy is handed out only to the holder who proves the
/// current password again (a cookie left open on a shared computer is not enough for everything the
/// portal holds), once per format, before it expires. An 经办人 acting for an organisation gets
/// their own data: the signed-in account is always the person.
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[Route("/my/data")]
public sealed class MyDataController(UserManager<Account> users, PersonalDataExports exports, DataViews views, PasswordSignIn passwords, TimeProvider clock) : Controller
{
    /// <param name="downloaded">Set by site.js once a JSON download it watched has gone (the file leaves the page where it was).</param>
    [HttpGet("")]
    public async Task<IActionResult> Index(bool downloaded = false)
    {
        if (AccountId() is not { } id)
        {
            return Challenge();
        }

        var page = await PageAsync(id);
        if (downloaded && page.Exports.Any(e => e.JsonTakenAt is not null))
        {
            TempData["Status"] = PrivacyMessages.ExportJsonTaken;
        }

        return View(page);
    }

    [HttpPost("")]
    public async Task<IActionResult> Prepare()
    {
        if (AccountId() is not { } id)
        {
            return Challenge();
        }

        TempData["Status"] = await exports.RequestAsync(id, HttpContext.RequestAborted) ? PrivacyMessages.ExportRequested : PrivacyMessages.ExportAlreadyPending;
        return RedirectToAction(nameof(Index));
    }

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("{id}/download")]
    public Task<IActionResult> Download(string id, [Bind(Prefix = "Form")] DataDownloadForm form) => TakeAsync(id, form, print: false);

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("{id}/print")]
    public Task<IActionResult> Print(string id, [Bind(Prefix = "Form")] DataDownloadForm form) => TakeAsync(id, form, print: true);

    [HttpGet("views")]
    public async Task<IActionResult> Views(int page = 1) =>
        AccountId() is { } id ? View(await views.PageAsync(id, page, HttpContext.RequestAborted)) : Challenge();

    private async Task<IActionResult> TakeAsync(string id, DataDownloadForm form, bool print)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (AccountId() is not { } accountId || await users.FindByIdAsync(accountId.ToString()) is not { } account)
        {
            return Challenge();
        }

        if (!Guid.TryParseExact(id, "N", out var exportId))
        {
            return NotFound();
        }

        if (ModelState.IsValid)
        {
            var proved = await passwords.CheckAsync(account, form.CurrentPassword ?? string.Empty);
            if (proved.Outcome != SignInOutcome.PasswordAccepted)
            {
                ModelState.AddModelError("Form.CurrentPassword", proved.Outcome == SignInOutcome.LockedOut ? proved.LockedMessage() : PrivacyMessages.ExportPasswordWrong);
            }
        }

        if (!ModelState.IsValid)
        {
            return View(nameof(Index), await PageAsync(accountId));
        }

        if (await exports.TakeAsync(accountId, exportId, print, HttpContext.RequestAborted) is not { } document)
        {
            TempData["Status"] = PrivacyMessages.ExportGone;
            return RedirectToAction(nameof(Index));
        }

        Response.Headers.CacheControl = "no-store";
        return print
            ? View("Print", document)
            : File(JsonSerializer.SerializeToUtf8Bytes(document, PersonalDataExports.JsonOptions), "application/json; charset=utf-8", $"my-data-{clock.GetUtcNow():yyyyMMdd}.json");
    }

    private async Task<MyDataView> PageAsync(Guid accountId) =>
        new(await exports.ListAsync(accountId, HttpContext.RequestAborted), clock.GetUtcNow().UtcDateTime, (int)exports.Lifetime.TotalHours);

    private Guid? AccountId() => Guid.TryParse(users.GetUserId(User), out var id) ? id : null;
}
