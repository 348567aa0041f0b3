using Microsoft.AspNetCore.Mvc.ModelBinding;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.Controllers;

internal static class FormExtensions
{
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

    /// <summary>True when the request came from the page's own script and wants JSON back.</summary>
    public static bool WantsJson(this Microsoft.AspNetCore.Http.HttpRequest request) =>
        request.Headers["X-Requested-With"] == "fetch";
}
