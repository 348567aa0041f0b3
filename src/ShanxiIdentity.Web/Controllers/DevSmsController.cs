using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Development only: the newest messages the development phone received, so codes can be read without a phone.</summary>
[Route("/dev/sms")]
[Services.Closing.AllowDuringClosing]
public sealed class DevSmsController(DevelopmentPhone phone, IHostEnvironment environment) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => environment.IsDevelopment() ? View(phone.Newest(50)) : NotFound();
}
