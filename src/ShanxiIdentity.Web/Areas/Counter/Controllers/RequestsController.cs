using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Areas.Counter.ViewModels;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>变更申请: open, check and scan materials, submit; approve or reject.</summary>
[Authorize(Policy = CounterPolicy.Desk)]
[Route("/counter/requests")]
public sealed class RequestsController(CounterIntake intake, CounterDesk desk, CounterReview review, CounterQueries queries) : CounterController
{
    /// <summary>A scan and the rest of the multipart form stay well under this.</summary>
    private const long UploadLimit = ScanFile.MaxBytes + (512 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index(CounterRequestStatus? status) => View(await queries.RequestsAsync(status, Aborted));

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? accountId, CounterChangeKind? kind, CounterUserType? userType)
    {
        var form = new OpenRequestForm { AccountId = accountId, ChangeKind = kind, UserType = userType };
        var account = await queries.AccountSummaryAsync(accountId, Aborted);
        if (account is not null)
        {
            form.UserType = account.UserType;
        }

        return NewView(form, account);
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpPost("new")]
    public async Task<IActionResult> New(OpenRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return NewView(form, await queries.AccountSummaryAsync(form.AccountId, Aborted));
        }

        var opened = await intake.OpenAsync(form.ToRequest(), StaffId, Aborted);
        if (!opened.Succeeded)
        {
            ModelState.AddModelError(opened.Field ?? string.Empty, opened.Message!);
            return NewView(form, await queries.AccountSummaryAsync(form.AccountId, Aborted));
        }

        return RedirectToAction(nameof(Show), new { id = opened.RequestId });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id) => await RequestViewAsync(id, revealed: false);

    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id)
    {
        if (!await queries.RevealAsync(id, StaffId, Aborted))
        {
            return NotFound();
        }

        TempData["Status"] = CounterMessages.Revealed;
        return await RequestViewAsync(id, revealed: true);
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpPost("{id:guid}/materials/{position:int}/check")]
    public async Task<IActionResult> Check(Guid id, int position, bool isChecked)
    {
        var outcome = await desk.CheckMaterialAsync(id, position, isChecked, StaffId, Aborted);
        return AfterStep(id, outcome);
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpPost("{id:guid}/materials/{position:int}/scan")]
    [RequestSizeLimit(UploadLimit)]
    [RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
    public async Task<IActionResult> Scan(Guid id, int position, IFormFile? scan)
    {
        if (scan is null)
        {
            return AfterStep(id, DeskOutcome.Refused("Scan", CounterMessages.ScanRequired));
        }

        if (scan.Length > ScanFile.MaxBytes)
        {
            return AfterStep(id, DeskOutcome.Refused("Scan", CounterMessages.ScanTooLarge));
        }

        using var buffer = new MemoryStream((int)scan.Length);
        await scan.CopyToAsync(buffer, Aborted);
        var outcome = await desk.AttachScanAsync(id, position, scan.FileName, buffer.ToArray(), StaffId, Aborted);
        if (outcome.Succeeded)
        {
            TempData["Status"] = $"第{position}项：{CounterMessages.ScanStored}";
        }

        return AfterStep(id, outcome);
    }

    [HttpGet("{id:guid}/materials/{position:int}/scan")]
    public async Task<IActionResult> Download(Guid id, int position)
    {
        var scan = await desk.ScanAsync(id, position, StaffId, Aborted);
        if (scan is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return File(scan.Content, scan.ContentType, scan.FileName);
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpPost("{id:guid}/submit")]
    public async Task<IActionResult> Submit(Guid id)
    {
        var outcome = await desk.SubmitAsync(id, StaffId, Aborted);
        if (outcome.Refusal is null)
        {
            TempData["Status"] = CounterMessages.Submitted;
            return RedirectToAction(nameof(Show), new { id });
        }

        foreach (var problem in outcome.Refusal.Lines)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        return await RequestViewAsync(id, revealed: false);
    }

    [Authorize(Policy = CounterPolicy.Supervisor)]
    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id)
    {
        var outcome = await review.ApproveAsync(id, StaffId, Aborted);
        if (outcome.Succeeded)
        {
            TempData["Status"] = CounterMessages.Applied;
        }

        return AfterStep(id, outcome);
    }

    [Authorize(Policy = CounterPolicy.Supervisor)]
    [HttpPost("{id:guid}/reject")]
    public async Task<IActionResult> Reject(Guid id, RejectForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var outcome = await review.RejectAsync(id, StaffId, form.Reason, Aborted);
        if (outcome.Succeeded)
        {
            TempData["Status"] = CounterMessages.Rejected;
        }

        return AfterStep(id, outcome);
    }

    /// <summary>Post-redirect-get; a refusal travels to the request page as a warning.</summary>
    private RedirectToActionResult AfterStep(Guid id, DeskOutcome outcome)
    {
        if (!outcome.Succeeded)
        {
            TempData["Warning"] = outcome.Message;
        }

        return RedirectToAction(nameof(Show), new { id });
    }

    private ViewResult NewView(OpenRequestForm form, AccountSummary? account)
    {
        ViewData["Account"] = account;
        return View("New", form);
    }

    private async Task<IActionResult> RequestViewAsync(Guid id, bool revealed)
    {
        var page = await queries.RequestPageAsync(id, StaffId, User.IsInRole(StaffRole.Clerk), User.IsInRole(StaffRole.Supervisor), revealed, Aborted);
        return page is null ? NotFound() : View("Show", page);
    }
}
