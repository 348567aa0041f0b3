using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Areas.Counter.Controllers;

/// <summary>接入系统 (administrators): the government systems that sign people in through the portal.</summary>
[Authorize(Policy = CounterPolicy.Administrator)]
[Route("/counter/clients")]
public sealed class ClientsController(ClientRegistry registry, Services.BackChannel.BackChannelLogouts logouts) : CounterController
{
    [HttpGet("")]
    public async Task<IActionResult> Index() => View(await registry.ListAsync(Aborted));

    [HttpGet("new")]
    public IActionResult New() => View("Edit", new ClientForm());

    [HttpPost("new")]
    public async Task<IActionResult> New(ClientForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        var issued = await registry.RegisterAsync(form.ClientId!, form.Confidential, form.ToSettings(), StaffId, Aborted);
        if (issued is null)
        {
            ModelState.AddModelError(nameof(form.ClientId), ClientMessages.ClientIdTaken);
            return View("Edit", form);
        }

        return Issued(issued);
    }

    [HttpGet("{clientId}")]
    public async Task<IActionResult> Edit(string clientId)
    {
        if (await registry.FindAsync(clientId, Aborted) is not { } client)
        {
            return Gone();
        }

        // Logout tokens the system never accepted: its administrator should know its users stayed signed in there.
        ViewData["GivenUp"] = await logouts.GivenUpAsync(clientId, 10, Aborted);
        return View("Edit", ClientForm.From(client));
    }

    [HttpPost("{clientId}")]
    public async Task<IActionResult> Edit(string clientId, ClientForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.ClientId = clientId;
        if (await registry.FindAsync(clientId, Aborted) is not { } existing)
        {
            return Gone();
        }

        // The client type is fixed at registration: a public client has no secret to hand out.
        form.Confidential = existing.Confidential;
        if (!ModelState.IsValid)
        {
            return View("Edit", form);
        }

        await registry.UpdateAsync(clientId, form.ToSettings(), StaffId, Aborted);
        TempData["Status"] = ClientMessages.Saved;
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{clientId}/secret")]
    public async Task<IActionResult> RenewSecret(string clientId)
    {
        ViewData["Renewed"] = true;
        return await registry.RenewSecretAsync(clientId, StaffId, Aborted) is { } issued ? Issued(issued) : Gone();
    }

    [HttpPost("{clientId}/remove")]
    public async Task<IActionResult> Remove(string clientId)
    {
        var removed = await registry.RemoveAsync(clientId, StaffId, Aborted);
        TempData[removed ? "Status" : "Warning"] = removed ? ClientMessages.Removed : ClientMessages.NotFound;
        return RedirectToAction(nameof(Index));
    }

    // Shown once, stored only as a hash: the page must not be cached anywhere.
    private ViewResult Issued(ClientSecretIssued issued)
    {
        Response.Headers.CacheControl = "no-store";
        return View("Issued", issued);
    }

    private RedirectToActionResult Gone()
    {
        TempData["Warning"] = ClientMessages.NotFound;
        return RedirectToAction(nameof(Index));
    }
}
