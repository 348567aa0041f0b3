using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>工作台: what waits for this staff member.</summary>
[Route("/counter")]
public sealed class DeskController(CounterQueries queries) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await queries.DeskAsync(StaffId, Aborted));
}
