using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Captcha;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>Serves captcha images from the database, and fresh captchas for 换一张.</summary>
[Route("/captcha")]
public sealed class CaptchaController(CaptchaService captcha) : Controller
{
    [HttpGet("{id:guid}")]
    [ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
    public async Task<IActionResult> Image(Guid id)
    {
        var png = await captcha.ImageAsync(id, HttpContext.RequestAborted);
        return png is null ? NotFound() : File(png, "image/png");
    }

    [HttpPost("new")]
    public async Task<IActionResult> Fresh() => Json(new { id = await captcha.CreateAsync(HttpContext.RequestAborted) });
}
