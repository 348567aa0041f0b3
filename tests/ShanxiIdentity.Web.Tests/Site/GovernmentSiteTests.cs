using System.Net;
using Microsoft.AspNetCore.Hosting;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Site;

/// <summary>What people expect of a government site: the footer's records and links, the entries on the home page.</summary>
public sealed class GovernmentSiteTests(GovernmentSiteTests.OperatedPortal factory) : IClassFixture<GovernmentSiteTests.OperatedPortal>
{
    /// <summary>A portal whose operator filled in some of the footer's records and left the others empty.</summary>
    public sealed class OperatedPortal : SqlitePortalFactory
    {
        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("Site:Sponsor", "山西省行政审批服务管理局");
            builder.UseSetting("Site:Operator", "山西省政务信息管理中心");
            builder.UseSetting("Site:IcpRecord", "晋ICP备12345678号");
            builder.UseSetting("Site:ContactPhone", "0351-12345");
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/guide/faq")]
    public async Task Every_page_s_footer_names_the_site_s_records_and_leaves_out_the_empty_ones(string path)
    {
        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var footer = (await Html.ParseAsync(response)).QuerySelector("footer")!;

        var records = footer.QuerySelectorAll("[data-site-records] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(["主办单位：山西省行政审批服务管理局", "承办单位：山西省政务信息管理中心", "ICP备案号：晋ICP备12345678号"], records);
        Assert.DoesNotContain("公安备案号", footer.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("网站标识码", footer.TextContent, StringComparison.Ordinal);
        Assert.Equal(["隐私政策", "无障碍声明", "联系我们"], footer.QuerySelectorAll("nav a").Select(a => a.TextContent.Trim()));
    }

    [Theory]
    [InlineData("/privacy", "隐私政策")]
    [InlineData("/accessibility", "无障碍声明")]
    [InlineData("/contact", "联系我们")]
    public async Task The_footer_s_links_lead_to_their_pages(string path, string heading)
    {
        using var home = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        var link = (await Html.ParseAsync(home)).QuerySelectorAll("footer nav a").Single(a => a.TextContent.Trim() == heading);
        Assert.Equal(path, link.GetAttribute("href"));

        using var response = await factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(heading, page.QuerySelector("main h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_privacy_policy_names_what_is_collected_who_receives_it_and_the_person_s_rights()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/privacy", UriKind.Relative));
        var text = (await Html.ParseAsync(response)).QuerySelector("main")!.TextContent;

        foreach (var fact in new[] { "身份证号", "预留手机号", "统一社会信用代码", "IP 地址", "同意并登录", "已授权的业务系统", "实名核验", "短信网关", "六个月", "山西省政务信息管理中心" })
        {
            Assert.Contains(fact, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_contact_page_shows_what_the_operator_configured_and_nothing_empty()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/contact", UriKind.Relative));
        var terms = (await Html.ParseAsync(response)).QuerySelectorAll("[data-contact] dt").Select(dt => dt.TextContent.Trim());

        Assert.Equal(["运营单位", "服务电话"], terms);
    }

    [Fact]
    public async Task The_home_page_offers_personal_and_legal_login_and_registration_on_the_page_itself()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        var entries = page.QuerySelectorAll("main [data-home-entries] a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal([("个人登录", "/account/login"), ("法人登录", "/account/login?kind=legal"), ("注册", "/account/register")], entries);
        Assert.Equal(3, page.QuerySelectorAll("main .card .card-footer").Count(footer => footer.QuerySelectorAll("a").Length > 0));
    }
}
