using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>查找账号: by ID number, credit code or login name; identifiers masked unless revealed (audited).</summary>
[Authorize(Policy = CounterPolicy.Desk)]
[Route("/counter/accounts")]
public sealed class AccountsController(CounterAccountQueries accounts) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return View();
        }

        ViewData["Query"] = q;
        return await accounts.FindAsync(q, StaffId, Aborted) is { } id ? RedirectToAction(nameof(Show), new { id }) : View();
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id) => await CardAsync(id, revealed: false);

    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id) => await CardAsync(id, revealed: true);

    private async Task<IActionResult> CardAsync(Guid id, bool revealed)
    {
        var page = await accounts.AccountPageAsync(id, StaffId, revealed, Aborted);
        if (page is null)
        {
            return NotFound();
        }

        if (revealed)
        {
            TempData["Status"] = CounterMessages.Revealed;
        }

        return View("Show", page);
    }
}
