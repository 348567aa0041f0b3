using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Development only: the newest messages of the SMS outbox, so codes can be read without a phone.</summary>
[Route("/dev/sms")]
public sealed class DevSmsController(PortalDbContext db, IHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        if (!environment.IsDevelopment())
        {
            return NotFound();
        }

        var messages = await db.SmsOutbox.AsNoTracking().OrderByDescending(m => m.Id).Take(50).ToListAsync(HttpContext.RequestAborted);
        return View(messages);
    }
}
