using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Models.Account;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>
/// 使用通行密钥登录, the login page's button (Views/Login/_Passkey.cshtml, wwwroot/js/passkeys.js):
/// request options, then the browser's assertion. Both answer JSON; both are rate-limited per address
/// with the other credentials.
/// </summary>
[Route("/account/login/passkey")]
public sealed class PasskeyLoginController(PasskeySignIn passkeys) : Controller
{
    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("options")]
    public async Task<IActionResult> Options() =>
        Content("{\"ok\":true,\"options\":" + await passkeys.BeginAsync() + "}", "application/json");

    [EnableRateLimiting(ClientRateLimits.Credentials)]
    [HttpPost("")]
    public async Task<IActionResult> SignIn(PasskeyLoginForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var result = await passkeys.SignInAsync(form.Credential, HttpContext.RequestAborted);
        if (!result.SignedIn)
        {
            return Json(new { ok = false, message = result.Message, counter = result.Gate });
        }

        var next = Url.IsLocalUrl(form.ReturnUrl) ? form.ReturnUrl : Url.Action("Index", "MyAccount");
        return Json(new { ok = true, redirect = next });
    }
}
