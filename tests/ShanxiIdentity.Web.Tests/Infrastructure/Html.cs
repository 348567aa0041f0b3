using AngleSharp;
using AngleSharp.Dom;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>Parses pages the way a browser would, so tests assert on elements rather than on raw text.</summary>
public static class Html
{
    public static async Task<IDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return await context.OpenAsync(request => request.Content(html));
    }
}
