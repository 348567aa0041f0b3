using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Web.Services.Halls;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>政务大厅: where to go for what cannot be done online, filtered by city.</summary>
/// <remarks>Public and open to one who has not accepted a new 隐私政策: /my/closing sends them here.</remarks>
[Services.Privacy.PrivacyGateExempt]
public sealed class HallsController(HallDirectory halls) : Controller
{
    [HttpGet("/halls")]
    public async Task<IActionResult> Index(string? city) =>
        View(new HallsPage(HallCity.Normalize(city), await halls.ListAsync(city, HttpContext.RequestAborted)));
}
