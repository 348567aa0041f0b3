using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Guidance;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Controllers;

/// <summary>常见问题, 办理材料 and 模板下载: the seed document, as pages and downloads.</summary>
/// <remarks>Public and open to one who has not accepted a new 隐私政策 (/my/closing points to 办理材料).</remarks>
[Route("/guide")]
[Services.Privacy.PrivacyGateExempt]
public sealed class GuidanceController(UserManager<Account> users, AccountLocator locator) : Controller
{
    [HttpGet("faq")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Faq(string? q)
    {
        ViewData["Query"] = q;
        return View(FaqCatalogue.Entries);
    }

    [HttpGet("materials")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public IActionResult Materials(string? operation, string? userType, string? agent) =>
        View(MaterialsChoice.Parse(operation, userType, agent));

    [HttpGet("templates")]
    [OutputCache(PolicyName = PortalSetup.AnonymousPageCachePolicy)]
    public async Task<IActionResult> Templates()
    {
        ViewData["CanPrefill"] = await SignedInAccountAsync() is not null;
        return View(Guidance.Templates.All);
    }

    [HttpGet("templates/{appendix:int}")]
    public async Task<IActionResult> Template(int appendix, bool prefill = false)
    {
        if (Guidance.Templates.Find(appendix) is not { } template)
        {
            return NotFound();
        }

        var account = await SignedInAccountAsync();
        ViewData["CanPrefill"] = account is not null;
        return View(new TemplateView(template, prefill && account is not null ? TemplatePrefill.For(account) : null));
    }

    [HttpGet("templates/{appendix:int}.docx")]
    public async Task<IActionResult> Download(int appendix, bool prefill = false)
    {
        if (Guidance.Templates.Find(appendix) is not { } template)
        {
            return NotFound();
        }

        var account = prefill ? await SignedInAccountAsync() : null;
        var bytes = WordTemplate.Build(template, account is null ? null : TemplatePrefill.For(account));
        Response.Headers.CacheControl = "no-store";
        return File(bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{template.AppendixLabel}-{template.Title}.docx");
    }

    private async Task<Account?> SignedInAccountAsync() =>
        Guid.TryParse(users.GetUserId(User), out var id) ? await locator.FindByIdAsync(id, HttpContext.RequestAborted) : null;
}
