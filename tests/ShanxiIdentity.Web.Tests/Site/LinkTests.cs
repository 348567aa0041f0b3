using System.Net;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Site;

/// <summary>
/// The views link by route (<c>asp-controller</c>/<c>asp-action</c>): a route that no longer matches
/// renders an empty address rather than failing, so every address on the public pages is followed.
/// </summary>
public sealed class LinkTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    private static readonly string[] Pages =
    [
        "/", "/account/login", "/account/login?kind=legal", "/account/register", "/account/register/legal",
        "/account/register/legal/awaiting-counter?type=social-organisation", "/account/forgot", "/account/forgot?kind=legal",
        "/guide/faq", "/guide/faq?q=no-such-question", "/guide/materials", "/guide/materials?operation=modify&userType=person&agent=yes",
        "/guide/templates", "/guide/templates/1", "/halls", "/agreement", "/privacy", "/accessibility", "/contact", "/no-such-page",
        "/counter/login",
    ];

    [Fact]
    public async Task Every_link_and_form_on_the_public_pages_leads_to_an_address_the_portal_serves()
    {
        var anonymous = factory.NewSession();
        var (_, citizen) = await factory.RegisteredCitizenAsync();
        var addresses = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (session, page) in Pages.Select(p => (anonymous, p)).Append((citizen, "/")).Append((citizen, "/guide/templates")))
        {
            using var response = await session.Client.GetAsync(new Uri(page, UriKind.Relative));
            var document = await Html.ParseAsync(response);
            foreach (var element in document.QuerySelectorAll("a[href], form, button[formaction]"))
            {
                var address = element.GetAttribute(element.LocalName switch { "a" => "href", "form" => "action", _ => "formaction" });
                Assert.False(string.IsNullOrEmpty(address), $"{page}: a <{element.LocalName}> without an address ({element.OuterHtml[..Math.Min(120, element.OuterHtml.Length)]})");
                if (address.StartsWith('/'))
                {
                    addresses.Add(address);
                }
            }
        }

        Assert.Contains("/account/forgot?kind=legal", addresses);
        Assert.Contains("/guide/templates/4", addresses);
        Assert.Contains("/guide/templates/1.docx?prefill=true", addresses);
        Assert.Contains("/account/register/legal/sms", addresses);
        Assert.Contains("/account/logout", addresses);
        foreach (var address in addresses)
        {
            // A POST-only address answers a GET with 405: it exists.
            using var answer = await citizen.Client.GetAsync(new Uri(address, UriKind.Relative));
            Assert.True(answer.StatusCode is not (HttpStatusCode.NotFound or HttpStatusCode.InternalServerError), $"{address} answered {(int)answer.StatusCode}");
        }
    }
}
