using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Counter;

using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>审计日志 (administrators): search, and export as CSV (the export is itself audited).</summary>
[Authorize(Policy = CounterPolicy.Administrator)]
[Route("/counter/audit")]
public sealed class AuditController(AuditTrail trail, AuditLog audit, TimeProvider clock) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? actor, [FromQuery(Name = "action")] string? actionName, string? account, string? from, string? to)
    {
        var query = Query(actor, actionName, account, from, to);
        ViewData["Query"] = query;
        return View(await trail.SearchAsync(query, AuditTrail.PageSize, Aborted));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(string? actor, [FromQuery(Name = "action")] string? actionName, string? account, string? from, string? to)
    {
        var query = Query(actor, actionName, account, from, to);
        var rows = await trail.SearchAsync(query, AuditTrail.ExportLimit, Aborted);
        await audit.WriteAsync(AuditAction.AuditExported, null, StaffId, $"{rows.Count} 条", Aborted);
        var name = $"audit-{ChinaTime.Format(clock.GetUtcNow(), "yyyyMMdd-HHmmss")}.csv";
        return File(Encoding.UTF8.GetBytes(AuditTrail.ToCsv(rows)), "text/csv; charset=utf-8", name);
    }

    // "action" is also MVC's route value: bound from the query string by name above.
    private static AuditQuery Query(string? actor, string? action, string? account, string? from, string? to) =>
        new(actor, action, account, DateInput.Parse(from), DateInput.Parse(to));
}
