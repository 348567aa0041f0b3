using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>A clerk's steps at the counter through the real staff pages.</summary>
public static class CounterDeskSteps
{
    /// <summary>A small real PNG (1×1) and a minimal PDF: what a scanner produces, by content.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

    /// <summary>Searches by what the clerk types; the account page's address.</summary>
    public static async Task<string> FindAccountAsync(this PortalSession clerk, string query)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        using var found = await clerk.Client.GetAsync(new Uri("/counter/accounts?q=" + Uri.EscapeDataString(query), UriKind.Relative));
        Assert.True(found.StatusCode == HttpStatusCode.Redirect, $"Search for the account answered {(int)found.StatusCode}");
        return found.Headers.Location!.ToString();
    }

    public static Guid AccountIdFrom(string accountUrl) => Guid.Parse(accountUrl.Split('/')[^1], CultureInfo.InvariantCulture);

    /// <summary>Opens a request from the form at /counter/requests/new; the request page's address, or the refused form.</summary>
    public static async Task<PortalSession.Submitted> OpenRequestAsync(this PortalSession clerk, string newUrl, IReadOnlyDictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var page = await clerk.GetPageAsync(newUrl);
        return await clerk.SubmitAsync(page, "/counter/requests/new", fields);
    }

    /// <summary>Ticks every material as checked against the original and uploads a scan of each.</summary>
    public static async Task CompleteMaterialsAsync(this PortalSession clerk, string requestUrl, PortalFactory? factory = null)
    {
        ArgumentNullException.ThrowIfNull(clerk);
        var page = await clerk.GetPageAsync(requestUrl);
        var positions = page.QuerySelectorAll("[data-material]").Select(m => m.GetAttribute("data-material")!).ToList();
        Assert.NotEmpty(positions);
        foreach (var position in positions)
        {
            var checkedIt = await clerk.SubmitAsync(page, $"{requestUrl}/materials/{position}/check", new Dictionary<string, string?>());
            Assert.True(requestUrl == checkedIt.Location, $"Ticking answered {(int)checkedIt.Status} {checkedIt.Location} {checkedIt.Body[..Math.Min(300, checkedIt.Body.Length)]}");
            var scanned = await clerk.UploadAsync(page, $"{requestUrl}/materials/{position}/scan", $"材料{position}.png", Png, "image/png");
            Assert.True(requestUrl == scanned.Location, $"Uploading answered {(int)scanned.Status} {factory?.LoggedErrors()}");
        }
    }

    /// <summary>The antiforgery token of any form on the page, for posting to a form the page does not offer.</summary>
    public static string Token(AngleSharp.Dom.IDocument page) =>
        page.QuerySelector<IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
}
