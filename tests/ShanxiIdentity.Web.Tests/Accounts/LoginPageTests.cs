using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// The login page renders its links once per kind and serves them from memory after (issue #24):
/// a cached part must never show one kind's links on the other's page, nor lose a way back.
/// </summary>
public sealed class LoginPageTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_cached_links_follow_the_pages_kind_and_its_way_back()
    {
        var visitor = factory.NewSession();

        // Twice: the second visit of each is served from the cache.
        for (var visit = 0; visit < 2; visit++)
        {
            var person = await visitor.GetPageAsync("/account/login");
            Assert.Equal("个人登录", person.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal("个人注册", Link(person, "register").TextContent.Trim());

            var legal = await visitor.GetPageAsync("/account/login?kind=legal");
            Assert.Equal("法人登录", legal.QuerySelector("h1")!.TextContent.Trim());
            Assert.Equal("法人注册", Link(legal, "register").TextContent.Trim());
            Assert.Contains("kind=legal", Link(legal, "forgot").GetAttribute("href"), StringComparison.Ordinal);

            // With a way back the links are drawn for the page, carrying it.
            var returning = await visitor.GetPageAsync("/account/login?returnUrl=%2Fmy%2Fhistory");
            Assert.Contains("returnUrl=%2Fmy%2Fhistory", Link(returning, "register").GetAttribute("href"), StringComparison.Ordinal);
            Assert.All(
                returning.QuerySelectorAll("main nav a.nav-link"),
                tab => Assert.Contains("returnUrl=%2Fmy%2Fhistory", tab.GetAttribute("href"), StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task The_cached_passkey_and_QR_blocks_hold_no_visitor_s_token()
    {
        // Second and third visitors are served the cached blocks the first one's page filled.
        var tokens = new List<string>();
        for (var visitor = 0; visitor < 3; visitor++)
        {
            var page = await factory.NewSession().GetPageAsync("/account/login");
            var inputs = page.QuerySelectorAll("input[name=__RequestVerificationToken]");
            var only = Assert.Single(inputs);
            Assert.NotNull(only.Closest("form[action='/account/login']"));
            Assert.NotNull(page.QuerySelector("[data-passkey-login] form"));
            Assert.NotNull(page.QuerySelector("form[data-qr-complete]"));
            tokens.Add(only.GetAttribute("value")!);
        }

        Assert.Equal(3, tokens.Distinct(StringComparer.Ordinal).Count());
    }

    private static AngleSharp.Dom.IElement Link(AngleSharp.Dom.IDocument page, string which) =>
        page.QuerySelectorAll("main a").Single(a => which == "register"
            ? a.TextContent.Trim() is "个人注册" or "法人注册" && a.Closest(".d-flex") is not null
            : a.TextContent.Trim() == "忘记密码");
}
