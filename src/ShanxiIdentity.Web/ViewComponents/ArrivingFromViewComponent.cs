using Microsoft.AspNetCore.Mvc;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.ViewComponents;

/// <summary>
/// 「证明开具服务」请求使用您的统一身份认证账号登录: on the login and registration pages of a person
/// sent by a client system, naming the system that will receive them back (as the consent page does).
/// </summary>
public sealed class ArrivingFromViewComponent : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? returnUrl, bool registering) =>
        await HttpContext.ArrivingClientNameAsync(returnUrl) is { Length: > 0 } name
            ? View("Default", new ArrivingFrom(name, registering))
            : Content(string.Empty);
}
