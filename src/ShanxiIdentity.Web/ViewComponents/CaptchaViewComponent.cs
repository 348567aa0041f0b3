using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.ViewComponents;

/// <summary>Every time a form is shown it gets a fresh captcha, so a refused form never reuses a spent one.</summary>
public sealed class CaptchaViewComponent(CaptchaService captcha) : ViewComponent
{
    public IViewComponentResult Invoke() => View("Default", captcha.Create());
}
