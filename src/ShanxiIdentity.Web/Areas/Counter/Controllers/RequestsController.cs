using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>变更申请: open, check and scan materials, submit; approve or reject.</summary>
[Authorize(Policy = CounterPolicy.Desk)]
[Route("/counter/requests")]
public sealed class RequestsController(CounterDesk desk, AccountLocator locator, PortalDbContext db, AuditLog audit) : CounterController
{
    /// <summary>A scan and the rest of the multipart form stay well under this.</summary>
    private const long UploadLimit = ScanFile.MaxBytes + (512 * 1024);

    [HttpGet("")]
    public async Task<IActionResult> Index(CounterRequestStatus? status)
    {
        var requests = db.CounterRequests.AsNoTracking();
        if (status is { } wanted)
        {
            requests = requests.Where(r => r.Status == wanted);
        }

        ViewData["Filter"] = status;
        return View(await requests.OrderByDescending(r => r.CreatedAt).Take(200).ToListAsync(Aborted));
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpGet("new")]
    public async Task<IActionResult> New(Guid? accountId, CounterChangeKind? kind, CounterUserType? userType)
    {
        var form = new OpenRequestForm { AccountId = accountId, ChangeKind = kind, UserType = userType };
        if (accountId is { } id && await locator.FindByIdAsync(id, Aborted) is { } account)
        {
            form.UserType = account.LegalEntity is { } organisation ? organisation.Type.UserType() : CounterUserType.Person;
        }

        return await NewViewAsync(form);
    }

    [Authorize(Policy = CounterPolicy.Clerk)]
    [HttpPost("new")]
    public async Task<IActionResult> New(OpenRequestForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return await NewViewAsync(form);
        }

        var opened = await desk.OpenAsync(form.ToRequest(), StaffId, Aborted);
        if (!opened.Succeeded)
        {
            ModelState.AddModelError(opened.Field ?? string.Empty, opened.Message!);
            return await NewViewAsync(form);
        }

        return RedirectToAction(nameof(Show), new { id = opened.RequestId });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id) => await RequestViewAsync(id, revealed: false);

    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id)
    {
        if (await db.CounterRequests.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, Aborted) is not { } request)
        {
            return NotFound();
        }

        await audit.WriteAsync(AuditAction.CounterRevealed, request.AccountId, StaffId, CounterDesk.Describe(request) + " 查看完整信息", Aborted);
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
        var problems = await desk.SubmitAsync(id, StaffId, Aborted);
        if (problems.Count == 0)
        {
            TempData["Status"] = CounterMessages.Submitted;
            return RedirectToAction(nameof(Show), new { id });
        }

        foreach (var problem in problems)
        {
            ModelState.AddModelError(string.Empty, problem);
        }

        return await RequestViewAsync(id, revealed: false);
    }

    [Authorize(Policy = CounterPolicy.Supervisor)]
    [HttpPost("{id:guid}/approve")]
    public async Task<IActionResult> Approve(Guid id)
    {
        var outcome = await desk.ApproveAsync(id, StaffId, Aborted);
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
        var outcome = await desk.RejectAsync(id, StaffId, form.Reason, Aborted);
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

    private async Task<IActionResult> NewViewAsync(OpenRequestForm form)
    {
        ViewData["Account"] = form.AccountId is { } id ? await locator.FindByIdAsync(id, Aborted) : null;
        return View("New", form);
    }

    private async Task<IActionResult> RequestViewAsync(Guid id, bool revealed)
    {
        var request = await desk.FindAsync(id, Aborted);
        if (request is null)
        {
            return NotFound();
        }

        var account = request.AccountId is { } accountId ? await locator.FindByIdAsync(accountId, Aborted) : null;
        var staffIds = new[] { request.CreatedByStaffId, request.DecidedByStaffId ?? Guid.Empty };
        var names = await db.StaffProfiles.AsNoTracking().Where(p => staffIds.Contains(p.AccountId)).ToDictionaryAsync(p => p.AccountId, p => p.Name, Aborted);
        var isClerk = User.IsInRole(StaffRole.Clerk);
        var isSupervisor = User.IsInRole(StaffRole.Supervisor);
        return View("Show", new RequestView(
            request,
            CounterDesk.ReadChange(request),
            account,
            names.GetValueOrDefault(request.CreatedByStaffId),
            request.DecidedByStaffId is { } decider ? names.GetValueOrDefault(decider) : null,
            revealed,
            StaffId,
            CanEdit: isClerk && request.Status == CounterRequestStatus.Draft,
            CanDecide: isSupervisor && request.Status == CounterRequestStatus.Submitted && request.CreatedByStaffId != StaffId));
    }
}
