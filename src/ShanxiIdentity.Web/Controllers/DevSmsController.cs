using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Development only: the newest messages of the SMS outbox, so codes can be read without a phone.</summary>
[Route("/dev/sms")]
public sealed class DevSmsController(DevSmsOutbox outbox, IHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public async Task<IActionResult> Index() =>
        environment.IsDevelopment() ? View(await outbox.NewestAsync(50, HttpContext.RequestAborted)) : NotFound();
}
