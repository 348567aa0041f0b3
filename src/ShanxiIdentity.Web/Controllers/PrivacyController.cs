using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Privacy;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// A new 隐私政策 version, at the sign-in after it takes effect (PrivacyGateFilter sends the holder
/// here): what changed and the text, accepted before going on (to the page asked for, or the client
/// system mid-sign-in), or 退出登录, or 注销账号. The public text is /privacy (SiteController).
/// </summary>
[Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
[PrivacyGateExempt]
[Route(PrivacyGateFilter.AcceptPath)]
public sealed class PrivacyController(UserManager<Account> users, PrivacyPolicyBook book, PrivacyConsents consents, PolicyStanding standing, IOptions<SiteRecords> records) : Controller
{
    [HttpGet("")]
    public IActionResult Index(string? returnUrl) =>
        book.MustAccept(standing.AcceptedVersion)
            ? View(new PrivacyAcceptView(book.Current, LocalOrNull(returnUrl), records.Value))
            : Redirect(LocalOrNull(returnUrl) ?? "/my");

    [HttpPost("")]
    public async Task<IActionResult> Accept(string? version, string? returnUrl)
    {
        if (!Guid.TryParse(users.GetUserId(User), out var accountId))
        {
            return Challenge();
        }

        if (!await consents.AcceptAsync(accountId, version, HttpContext.RequestAborted))
        {
            // A newer version was published while the page was open: that one is shown instead.
            ModelState.AddModelError(string.Empty, PrivacyMessages.VersionChanged);
            return View(nameof(Index), new PrivacyAcceptView(book.Current, LocalOrNull(returnUrl), records.Value));
        }

        TempData["Status"] = PrivacyMessages.Accepted;
        return Redirect(LocalOrNull(returnUrl) ?? "/my");
    }

    private string? LocalOrNull(string? returnUrl) => returnUrl is { Length: > 0 and <= 4000 } && Url.IsLocalUrl(returnUrl) ? returnUrl : null;
}
