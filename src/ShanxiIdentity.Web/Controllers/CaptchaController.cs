using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Draws captcha images from their tokens, and hands out fresh captchas for 换一张.</summary>
[Route("/captcha")]
public sealed class CaptchaController(CaptchaService captcha) : Controller
{
    [HttpGet("{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Image(string token) => captcha.Image(token) is { } png ? File(png, "image/png") : NotFound();

    [HttpPost("new")]
    public IActionResult Fresh() => Json(new { id = captcha.Create(), expiresIn = (int)CaptchaService.Lifetime.TotalSeconds });
}
