using Microsoft.AspNetCore.Mvc;

namespace ShanxiIdentity.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public IActionResult Index() => View();
}
