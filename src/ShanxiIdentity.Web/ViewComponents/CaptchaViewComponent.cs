using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.ViewComponents;

/// <summary>
/// Every time a form is shown it gets a fresh captcha, so a refused form never reuses a spent one; a
/// person who chose the spoken captcha (语音验证码) gets a spoken one again when the form comes back.
/// </summary>
public sealed class CaptchaViewComponent(CaptchaService captcha) : ViewComponent
{
    public const string SpokenField = "CaptchaSpoken";

    public IViewComponentResult Invoke()
    {
        var spoken = Request.HasFormContentType && Request.Form[SpokenField] == "true";
        return View("Default", new CaptchaBox(captcha.Create(spoken), spoken));
    }
}
