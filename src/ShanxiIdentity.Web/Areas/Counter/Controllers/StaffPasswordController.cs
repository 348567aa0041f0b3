using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>修改密码: every staff member changes their own password (ASVS V2.1.5), with 我的账号's form.</summary>
[Route("/counter/password")]
public sealed class StaffPasswordController(StaffSignIn staffSignIn) : CounterController
{
    [HttpGet("")]
    public IActionResult Index() => View(new ChangePasswordForm());

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> Index(ChangePasswordForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (ModelState.IsValid
            && await staffSignIn.ChangeOwnPasswordAsync(StaffId, form.CurrentPassword!, form.Password!, Aborted) is { } refused)
        {
            ModelState.AddModelError(refused.Field, refused.Message);
        }

        if (!ModelState.IsValid)
        {
            // Passwords are never sent back into the page.
            return View(new ChangePasswordForm());
        }

        TempData["Status"] = CounterMessages.StaffPasswordChanged;
        return Redirect(CounterPolicy.PathPrefix);
    }
}
