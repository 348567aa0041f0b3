using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.QrLogin;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 扫码登录: the desktop login page's code (new, polled, completed), and the page a signed-in phone
/// opens from it (/qr/{id}) to 确认登录 or 取消. The desktop's secret rides in an HttpOnly cookie
/// named after the code, so two login tabs keep one each.
/// </summary>
[Route("/qr")]
public sealed class QrSignInController(QrSignIns codes, QrSignInCompletion completion, UserManager<Account> users) : Controller
{
    public const string CookiePrefix = "qr_";

    /// <summary>A new code for the login page's script: the image, the phone's link, and where to poll.</summary>
    [EnableRateLimiting(ClientRateLimits.QrCode)]
    [HttpPost("new")]
    public async Task<IActionResult> New()
    {
        var created = await codes.CreateAsync(HttpContext.Connection.RemoteIpAddress?.ToString(), Request.Headers.UserAgent.ToString(), HttpContext.RequestAborted);
        Response.Cookies.Append(CookiePrefix + created.PublicId, created.Secret, new CookieOptions
        {
            HttpOnly = true,
            Secure = Request.IsHttps,
            SameSite = SameSiteMode.Strict,
            Path = "/qr",
            MaxAge = QrSignIns.Lifetime + TimeSpan.FromMinutes(1),
            IsEssential = true,
        });
        var link = $"{Request.Scheme}://{Request.Host}{Request.PathBase}/qr/{created.PublicId}";
        return Json(new
        {
            id = created.PublicId,
            link,
            image = QrCodeImage.SvgDataUri(link),
            status = Url.Action(nameof(Status), new { id = created.PublicId }),
            complete = Url.Action(nameof(Complete), new { id = created.PublicId }),
            expiresIn = (int)QrSignIns.Lifetime.TotalSeconds,
        });
    }

    /// <summary>The desktop's poll: one indexed read, nothing written, no antiforgery or session work.</summary>
    [EnableRateLimiting(ClientRateLimits.QrPoll)]
    [HttpGet("{id}/status")]
    public async Task<IActionResult> Status(string id)
    {
        var state = await codes.StateAsync(id, HttpContext.RequestAborted);
        Response.Headers.CacheControl = "no-store";
        return Json(new { state = state.ToString().ToLowerInvariant(), message = Message(state) });
    }

    /// <summary>The desktop signs in once the phone confirmed: the form carries the antiforgery token, the cookie the secret.</summary>
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("{id}/complete")]
    public async Task<IActionResult> Complete(string id, string? returnUrl)
    {
        await HttpContext.AllowReturnToClientAsync(returnUrl);
        var secret = QrSignIns.WellFormed(id) ? Request.Cookies[CookiePrefix + id] : null;
        var result = await completion.CompleteAsync(id, secret, HttpContext.RequestAborted);
        if (result.Outcome == QrCompletionOutcome.SignedIn)
        {
            Response.Cookies.Delete(CookiePrefix + id, new CookieOptions { Path = "/qr" });
            return this.ReturnOrMyAccount(returnUrl);
        }

        if (result.Outcome == QrCompletionOutcome.Gate)
        {
            ViewData["MaterialsUserType"] = Guidance.MaterialsChoice.SlugFor(result.Account!);
        }

        return View("Answer", new QrAnswerView(result.Message!, false, result.Outcome == QrCompletionOutcome.Gate, OnDesktop: true));
    }

    /// <summary>The phone's page (a person not signed in logs in first and comes back here).</summary>
    [Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
    [HttpGet("{id}")]
    public async Task<IActionResult> Open(string id) =>
        await codes.OpenAsync(id, HttpContext.RequestAborted) is { } requester
            ? View("Confirm", new QrConfirmView(id, requester))
            : View("Answer", new QrAnswerView(QrSignInMessages.NotValid, false));

    [Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
    [HttpPost("{id}/confirm")]
    public async Task<IActionResult> Confirm(string id)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        return await codes.ConfirmAsync(id, account, HttpContext.RequestAborted)
            ? View("Answer", new QrAnswerView(QrSignInMessages.ConfirmedOnPhone, true))
            : View("Answer", new QrAnswerView(QrSignInMessages.NotValid, false));
    }

    [Authorize(Policy = Areas.Counter.CounterPolicy.Holder)]
    [HttpPost("{id}/cancel")]
    public async Task<IActionResult> Cancel(string id)
    {
        if (await users.GetUserAsync(User) is not { } account)
        {
            return Challenge();
        }

        return await codes.CancelAsync(id, account, HttpContext.RequestAborted)
            ? View("Answer", new QrAnswerView(QrSignInMessages.CancelledOnPhone, true))
            : View("Answer", new QrAnswerView(QrSignInMessages.NotValid, false));
    }

    private static string Message(QrPollState state) => state switch
    {
        QrPollState.Waiting => QrSignInMessages.Waiting,
        QrPollState.Scanned => QrSignInMessages.Scanned,
        QrPollState.Confirmed => QrSignInMessages.Confirmed,
        QrPollState.Cancelled => QrSignInMessages.Cancelled,
        _ => QrSignInMessages.Expired,
    };
}
