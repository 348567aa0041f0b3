using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Web.Infrastructure;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>The pages every government site links from its footer: 隐私政策, 无障碍声明, 联系我们.</summary>
[Services.Closing.AllowDuringClosing]
[Services.Privacy.PrivacyGateExempt]
public sealed class SiteController(IOptions<SiteRecords> records) : Controller
{
    [HttpGet("/privacy")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Privacy() => View(records.Value);

    [HttpGet("/accessibility")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Accessibility() => View(records.Value);

    [HttpGet("/contact")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Contact() => View(records.Value);
}
