using Microsoft.AspNetCore.Mvc.ViewFeatures;
using ShanxiIdentity.Web.Controllers;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// ASP.NET Core's cookie TempData provider without one needless header: whenever a page looks for a
/// one-time message (the status partial of every form page) and finds none, it answers with an
/// expired TempData cookie even when the visitor sent none — a Set-Cookie on every view of the
/// login page, and a response no output cache stores. Here nothing is sent then; a visitor who
/// does carry the cookie still gets it cleared once the message is shown.
/// </summary>
internal sealed class QuietTempDataProvider(CookieTempDataProvider cookies) : ITempDataProvider
{
    public IDictionary<string, object> LoadTempData(HttpContext context) => cookies.LoadTempData(context);

    public void SaveTempData(HttpContext context, IDictionary<string, object> values)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (values is not { Count: > 0 } && !context.Request.CarriesTempData())
        {
            return;
        }

        cookies.SaveTempData(context, values);
    }
}
