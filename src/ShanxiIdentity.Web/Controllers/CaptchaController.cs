using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using ShanxiIdentity.Web.Infrastructure;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Draws captcha images and speaks captchas from their tokens, and hands out fresh captchas for 换一张 and 语音验证码.</summary>
[Route("/captcha")]
public sealed class CaptchaController(CaptchaService captcha) : Controller
{
    [HttpGet("{token}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Image(string token) => captcha.Image(token) is { } png ? File(png, "image/png") : NotFound();

    [HttpGet("{token}/audio")]
    [EnableRateLimiting(ClientRateLimits.Captcha)]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public IActionResult Audio(string token) => captcha.Audio(token) is { } wav ? File(wav, "audio/wav") : NotFound();

    [HttpPost("new")]
    [EnableRateLimiting(ClientRateLimits.Captcha)]
    public IActionResult Fresh(bool spoken = false) =>
        Json(new { id = captcha.Create(spoken), expiresIn = (int)CaptchaService.Lifetime.TotalSeconds });
}
