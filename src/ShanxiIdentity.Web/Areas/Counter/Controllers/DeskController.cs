using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>工作台: what waits for this staff member.</summary>
[Route("/counter")]
public sealed class DeskController(PortalDbContext db) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        ViewData["Drafts"] = await db.CounterRequests.CountAsync(r => r.Status == CounterRequestStatus.Draft && r.CreatedByStaffId == StaffId, Aborted);
        ViewData["Submitted"] = await db.CounterRequests.CountAsync(r => r.Status == CounterRequestStatus.Submitted && r.CreatedByStaffId != StaffId, Aborted);
        ViewData["StaffName"] = await db.StaffProfiles.Where(p => p.AccountId == StaffId).Select(p => p.Name).SingleOrDefaultAsync(Aborted);
        return View();
    }
}
