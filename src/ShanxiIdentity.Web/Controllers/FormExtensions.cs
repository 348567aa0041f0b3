using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Models.Account;
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
    /// <param name="freshCaptcha">For a send behind a captcha: the next challenge, which the page's script puts in place of the spent one.</param>
    public static IActionResult SmsSendAnswer(this Controller controller, SmsSendResult result, string errorField, string viewName, object form, string? freshCaptcha = null)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(result);
        if (controller.Request.WantsJson())
        {
            return freshCaptcha is null
                ? controller.Json(new { sent = result.Sent, message = result.Message })
                : controller.Json(new { sent = result.Sent, message = result.Message, captcha = freshCaptcha });
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
    /// 获取短信验证码 on a form anyone can open (registration): the captcha is answered, and spent,
    /// for every send, so the form cannot be scripted into an SMS cannon; the answer carries a fresh
    /// challenge for the next send or the form's own submission.
    /// </summary>
    public static async Task<IActionResult> SendCodeBehindCaptchaAsync(
        this Controller controller, CaptchaService captcha, CaptchaForm form, Func<Task<SmsSendResult>> send, string errorField, string viewName)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(captcha);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(send);
        var verdict = await captcha.VerifyAsync(form.CaptchaId, form.Captcha, controller.HttpContext.RequestAborted).ConfigureAwait(false);
        var result = verdict == CaptchaVerdict.Passed
            ? await send().ConfigureAwait(false)
            : new SmsSendResult(false, verdict == CaptchaVerdict.Expired ? AccountMessages.CaptchaExpired : AccountMessages.CaptchaWrong);
        return controller.SmsSendAnswer(result, verdict == CaptchaVerdict.Passed ? errorField : nameof(CaptchaForm.Captcha), viewName, form, captcha.Create());
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
