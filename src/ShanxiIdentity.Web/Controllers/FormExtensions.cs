using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Captcha;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Controllers;

public static class FormExtensions
{
    /// <summary>
    /// Where a sign-in or a registration ends: back to where the person came from (a client system's
    /// authorization request, a page of the portal) when that is local, else 我的账号.
    /// </summary>
    public static IActionResult ReturnOrMyAccount(this Controller controller, string? returnUrl)
    {
        ArgumentNullException.ThrowIfNull(controller);
        return controller.Url.IsLocalUrl(returnUrl) ? controller.LocalRedirect(returnUrl) : controller.RedirectToAction("Index", "MyAccount");
    }

    /// <summary>Puts the captcha's refusal beside the 验证码 field; true when it passed.</summary>
    public static bool AddCaptchaVerdict(this ModelStateDictionary modelState, CaptchaVerdict verdict)
    {
        if (verdict == CaptchaVerdict.Passed)
        {
            return true;
        }

        modelState.AddModelError("Captcha", verdict == CaptchaVerdict.Expired ? AccountMessages.CaptchaExpired : AccountMessages.CaptchaWrong);
        return false;
    }

    /// <summary>
    /// The answer to 获取短信验证码: JSON for the page's script, or, without script, the form again
    /// with the outcome beside the button (sent) or beside the field (refused).
    /// </summary>
    public static IActionResult SmsSendAnswer(this Controller controller, SmsSendResult result, string errorField, string viewName, object form)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        if (controller.Request.WantsJson())
        {
            return controller.Json(new { sent = result.Sent, message = result.Message });
        }

        if (result.Sent)
        {
            controller.ViewData["SmsStatus"] = result.Message;
        }
        else
        {
            controller.ModelState.AddModelError(errorField, result.Message);
        }

        return controller.View(viewName, form);
    }

    /// <summary>
    /// True when the visitor carries a one-time message (TempData): the output cache then renders the
    /// page afresh (the message is theirs alone), and only then may a page answer with the cookie
    /// cleared (<see cref="Infrastructure.QuietTempDataProvider"/>).
    /// </summary>
    public static bool CarriesTempData(this Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Cookies.ContainsKey(Microsoft.AspNetCore.Mvc.ViewFeatures.CookieTempDataProvider.CookieName);

    /// <summary>True when the request came from the page's own script and wants JSON back.</summary>
    public static bool WantsJson(this Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers["X-Requested-With"] == "fetch";
}
