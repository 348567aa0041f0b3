using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>查找账号: by ID number, credit code or login name; identifiers masked unless revealed (audited).</summary>
[Authorize(Policy = CounterPolicy.Desk)]
[Route("/counter/accounts")]
public sealed class AccountsController(AccountLocator locator, PortalDbContext db, AuditLog audit) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(string? q)
    {
        if (string.IsNullOrWhiteSpace(q))
        {
            return View();
        }

        ViewData["Query"] = q;
        var typed = q.Trim();
        var account = await locator.FindForCounterAsync(q, Aborted);
        await audit.WriteAsync(AuditAction.CounterSearched, account?.Id, StaffId, $"查询 {SensitiveText.Redact(typed[..Math.Min(typed.Length, 60)])}：{(account is null ? "未找到" : "找到 1 个账号")}", Aborted);
        return account is null ? View() : RedirectToAction(nameof(Show), new { id = account.Id });
    }

    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Show(Guid id) => await CardAsync(id, revealed: false);

    [HttpPost("{id:guid}/reveal")]
    public async Task<IActionResult> Reveal(Guid id) => await CardAsync(id, revealed: true);

    private async Task<IActionResult> CardAsync(Guid id, bool revealed)
    {
        var account = await locator.FindByIdAsync(id, Aborted);
        if (account is null || account.Kind == Domain.Accounts.AccountKind.Staff)
        {
            return NotFound();
        }

        var requests = await db.CounterRequests.AsNoTracking().Where(r => r.AccountId == id).OrderByDescending(r => r.CreatedAt).Take(20).ToListAsync(Aborted);
        await audit.WriteAsync(revealed ? AuditAction.CounterRevealed : AuditAction.CounterAccountViewed, id, StaffId, revealed ? "查看完整身份证号和手机号" : null, Aborted);
        if (revealed)
        {
            TempData["Status"] = Domain.Counter.CounterMessages.Revealed;
        }

        return View("Show", new AccountCard(account, revealed, requests));
    }
}
