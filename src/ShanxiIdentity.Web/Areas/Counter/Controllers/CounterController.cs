using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>The staff area: every action needs a staff session signed in with the authenticator.</summary>
[Area("Counter")]
[Authorize(Policy = CounterPolicy.Staff)]
public abstract class CounterController : Controller
{
    protected Guid StaffId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    protected CancellationToken Aborted => HttpContext.RequestAborted;
}
