using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ShanxiIdentity.MyCases.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();

    /// <summary>登录 goes to the portal; this system has no login page of its own.</summary>
    [HttpGet("/signin")]
    public IActionResult SignIn() => Challenge(new AuthenticationProperties { RedirectUri = "/cases" }, OpenIdConnectDefaults.AuthenticationScheme);

    /// <summary>退出 here and at the portal (RP-initiated logout), then back to this home page.</summary>
    [Authorize]
    [HttpPost("/signout")]
    public IActionResult SignOutEverywhere() =>
        SignOut(new AuthenticationProperties { RedirectUri = "/" }, CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme);

    [HttpGet("/error/{status:int?}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Error(int? status)
    {
        Response.StatusCode = status is >= 400 and <= 599 ? status.Value : StatusCodes.Status500InternalServerError;
        return View(Response.StatusCode);
    }
}
