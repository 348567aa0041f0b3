using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;

namespace ShanxiIdentity.Web.Controllers;

public sealed class HomeController : Controller
{
    [HttpGet("/")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Index() => View();
}
