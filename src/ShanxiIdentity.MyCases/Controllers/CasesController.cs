using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.MyCases.Data;
using ShanxiIdentity.MyCases.Models;

namespace ShanxiIdentity.MyCases.Controllers;

/// <summary>我的办件 and the application form: 提交 checks the starred fields, 暂存 keeps whatever was typed.</summary>
[Authorize]
[Route("/cases")]
public sealed class CasesController(CasesDbContext db, TimeProvider clock) : Controller
{
    public const string Submit = "submit";

    private string Owner => User.FindFirstValue("sub")!;

    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        View(await db.Cases.AsNoTracking().Where(c => c.OwnerSubject == Owner).OrderByDescending(c => c.UpdatedAt).ToListAsync(HttpContext.RequestAborted));

    [HttpGet("new")]
    public IActionResult New() => View("Form", new CaseForm { ApplicantName = User.Identity?.Name });

    [HttpPost("new")]
    public Task<IActionResult> New(CaseForm form, string? intent) =>
        SaveAsync(new CaseApplication { Id = Guid.NewGuid(), OwnerSubject = Owner, Status = CaseStatus.Draft, CreatedAt = Now }, form, intent, isNew: true);

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id)
    {
        var application = await FindAsync(id);
        if (application is null)
        {
            return Gone(CaseMessages.NotFound);
        }

        ViewData["CaseId"] = id;
        return application.Status == CaseStatus.Draft ? View("Form", CaseForm.From(application)) : View("Submitted", application);
    }

    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Update(Guid id, CaseForm form, string? intent)
    {
        var application = await FindAsync(id);
        if (application is null || application.Status != CaseStatus.Draft)
        {
            return Gone(application is null ? CaseMessages.NotFound : CaseMessages.OnlyDraftsChange);
        }

        ViewData["CaseId"] = id;
        return await SaveAsync(application, form, intent, isNew: false);
    }

    [HttpPost("{id:guid}/delete")]
    public async Task<IActionResult> Delete(Guid id)
    {
        var application = await FindAsync(id);
        if (application is null || application.Status != CaseStatus.Draft)
        {
            return Gone(application is null ? CaseMessages.NotFound : CaseMessages.OnlyDraftsChange);
        }

        db.Cases.Remove(application);
        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Status"] = CaseMessages.DraftDeleted;
        return RedirectToAction(nameof(Index));
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task<IActionResult> SaveAsync(CaseApplication application, CaseForm form, string? intent, bool isNew)
    {
        ArgumentNullException.ThrowIfNull(form);
        var submitting = intent == Submit;
        foreach (var (field, message) in form.Problems())
        {
            ModelState.AddModelError(field, message);
        }

        if (submitting && form.MissingRequired() is { Count: > 0 } missing)
        {
            // One message for the form, as the seed has it; the empty starred fields are marked.
            ModelState.AddModelError(string.Empty, CaseMessages.StarredFieldsRequired);
            ViewData["Missing"] = missing;
        }

        if (!ModelState.IsValid)
        {
            return View("Form", form);
        }

        form.ApplyTo(application);
        application.UpdatedAt = Now;
        if (submitting)
        {
            application.Status = CaseStatus.Submitted;
            application.SubmittedAt = Now;
            application.ReferenceNumber = $"SX{Now:yyyyMMdd}-{application.Id.ToString("N")[..10].ToUpperInvariant()}";
        }

        if (isNew)
        {
            db.Cases.Add(application);
        }

        await db.SaveChangesAsync(HttpContext.RequestAborted);
        TempData["Status"] = submitting ? CaseMessages.Submitted + application.ReferenceNumber : CaseMessages.DraftSaved;
        return RedirectToAction(nameof(Index));
    }

    private Task<CaseApplication?> FindAsync(Guid id) =>
        db.Cases.SingleOrDefaultAsync(c => c.Id == id && c.OwnerSubject == Owner, HttpContext.RequestAborted);

    private RedirectToActionResult Gone(string message)
    {
        TempData["Warning"] = message;
        return RedirectToAction(nameof(Index));
    }
}
