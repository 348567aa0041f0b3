using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.ViewComponents;

/// <summary>实名等级 on 我的账号, computed from the account's records at each view (it is stored nowhere).</summary>
public sealed class RealNameLevelViewComponent(UserManager<Account> users, AccountLocator locator, RealNameAssessment assessment) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
    {
        if (!Guid.TryParse(users.GetUserId(UserClaimsPrincipal), out var id)
            || await locator.FindByIdAsync(id, HttpContext.RequestAborted) is not { } account
            || account.Kind == Domain.Accounts.AccountKind.Staff)
        {
            return Content(string.Empty);
        }

        var level = await assessment.LevelOfAsync(account, HttpContext.RequestAborted);
        return View("Default", new RealNameLevelView(level, account.LegalEntity is not null, Guidance.MaterialsChoice.SlugFor(account)));
    }
}
