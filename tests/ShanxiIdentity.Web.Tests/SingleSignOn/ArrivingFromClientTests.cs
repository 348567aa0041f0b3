using System.Net;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// A person sent by a client system sees, on the portal's login and registration pages, which system
/// asked and will receive them back — and a forged return address names nobody.
/// </summary>
public sealed class ArrivingFromClientTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task The_login_and_registration_pages_name_the_client_system_that_sent_the_person()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var visitor = factory.NewSession();

        using var authorize = await visitor.Client.GetAsync(new Uri(sso.AuthorizeRequest("openid profile").Url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, authorize.StatusCode);
        var login = await Html.ParseAsync(await visitor.Client.GetAsync(authorize.Headers.Location!));
        var banner = login.QuerySelector("[data-arriving-from]");
        Assert.NotNull(banner);
        var name = banner.QuerySelector("[data-client-name]")!.TextContent;
        Assert.StartsWith("测试业务系统", name, StringComparison.Ordinal);
        Assert.Contains("请求使用您的统一身份认证账号登录", banner.TextContent, StringComparison.Ordinal);

        // The login page's own link to 个人注册 keeps the way back; 法人注册 takes the same parameter.
        var personal = login.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).First(h => h is not null && h.StartsWith("/account/register?returnUrl=", StringComparison.Ordinal))!;
        foreach (var href in new[] { personal, personal.Replace("/account/register?", "/account/register/legal?", StringComparison.Ordinal) })
        {
            var register = await Html.ParseAsync(await visitor.Client.GetAsync(new Uri(href, UriKind.Relative)));
            Assert.Equal(name, register.QuerySelector("[data-arriving-from] [data-client-name]")?.TextContent);
            Assert.Contains("注册完成后将返回该系统", register.QuerySelector("[data-arriving-from]")!.TextContent, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("/connect/authorize?client_id=no-such-client&redirect_uri=https%3A%2F%2Fevil.example%2Fcb&response_type=code")]
    [InlineData("/my")]
    public async Task A_return_address_that_is_no_registered_client_s_request_names_nobody(string returnUrl)
    {
        var page = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/account/login?returnUrl=" + Uri.EscapeDataString(returnUrl), UriKind.Relative)));

        Assert.Null(page.QuerySelector("[data-arriving-from]"));
    }

    [Fact]
    public async Task A_registered_client_with_an_unregistered_redirect_address_names_nobody()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile"]);
        var forged = sso.AuthorizeRequest("openid profile", redirect: "https://evil.example/callback").Url;

        var page = await Html.ParseAsync(await factory.CreateClient().GetAsync(new Uri("/account/login?returnUrl=" + Uri.EscapeDataString(forged), UriKind.Relative)));

        Assert.Null(page.QuerySelector("[data-arriving-from]"));
    }
}
