using System.Net;
using System.Net.Http.Json;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Site;

public abstract class SiteShellTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Home_page_is_served_in_chinese_with_the_navigation()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("zh-CN", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("统一身份认证系统", page.Title, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("meta[name=viewport]"));
        var nav = page.QuerySelector("nav[aria-label=主导航]");
        Assert.NotNull(nav);
        Assert.Contains(nav.QuerySelectorAll("a.nav-link"), a => a.TextContent.Trim() == "首页" && a.GetAttribute("href") == "/");
        Assert.Contains("政务大厅", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_navigation_link_leads_to_a_page()
    {
        var client = factory.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var links = (await Html.ParseAsync(home)).QuerySelectorAll("nav a.nav-link").Select(a => a.GetAttribute("href")!).ToList();

        Assert.NotEmpty(links);
        foreach (var link in links)
        {
            using var response = await client.GetAsync(new Uri(link, UriKind.Relative));
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{link} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Front_end_assets_are_served_by_the_portal_itself()
    {
        var client = factory.CreateClient();
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        var page = await Html.ParseAsync(home);
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!))
            .ToList();

        Assert.NotEmpty(assets);
        Assert.All(assets, href => Assert.StartsWith("/", href, StringComparison.Ordinal));
        Assert.DoesNotContain(assets, href => href.StartsWith("//", StringComparison.Ordinal));
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync(new Uri(asset, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{asset} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Unknown_address_gets_a_chinese_404_page()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/no/such/page", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("抱歉，您访问的页面不存在", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("a[href='/']"));
    }

    [Fact]
    public async Task Unhandled_error_shows_a_chinese_page_without_stack_trace_or_detail()
    {
        using var response = await factory.CreateClient().GetAsync(new Uri("/test/throw", UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var page = await Html.ParseAsync(response);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("系统出现错误", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("InvalidOperationException", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Probe failure", body, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ShanxiIdentity", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_healthy()
    {
        using var health = await factory.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Readiness_answers_healthy_while_the_database_is_up()
    {
        using var ready = await factory.CreateClient().GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Identifier_rules_put_the_domains_chinese_reasons_into_model_state()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["IdNumber"] = "110105491231002",
            ["CreditCode"] = "91350100M000100Y44",
            ["Phone"] = "+852 9123 4567",
        });
        using var response = await factory.CreateClient().PostAsync(new Uri("/test/identifiers", UriKind.Relative), form);
        var errors = await response.Content.ReadFromJsonAsync<Dictionary<string, string[]>>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal([IdentifierMessages.IdNumberLegacy15], errors!["IdNumber"]);
        Assert.Equal([IdentifierMessages.CreditCodeCheck], errors["CreditCode"]);
        Assert.Equal([IdentifierMessages.PhoneForeign], errors["Phone"]);
    }

    [Theory]
    [InlineData("/test/identifiers", "probe.")] // fields posted under the parameter's name
    [InlineData("/test/identifiers/prefixed", "Probe.")] // fields posted under a [Bind(Prefix)]
    public async Task A_forms_errors_go_under_the_names_its_fields_were_posted_with(string url, string prefix)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [prefix + "IdNumber"] = "11010519491231002X",
            [prefix + "CreditCode"] = "91990000313618397W",
            [prefix + "Phone"] = "13812345678",
        });
        using var response = await factory.CreateClient().PostAsync(new Uri(url, UriKind.Relative), form);
        var errors = await response.Content.ReadFromJsonAsync<Dictionary<string, string[]>>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(prefix + "CreditCode", Assert.Single(errors!.Keys));
        Assert.Equal([IdentifierMessages.CreditCodeProvince], errors[prefix + "CreditCode"]);
    }

    [Fact]
    public async Task Valid_identifiers_pass_the_rules()
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["IdNumber"] = "１１０１０５１９４９１２３１００２ｘ",
            ["CreditCode"] = "91350100M000100Y43",
            ["Phone"] = "+86 138 1234 5678",
        });
        using var response = await factory.CreateClient().PostAsync(new Uri("/test/identifiers", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Logs_never_hold_an_id_number_or_phone_in_clear()
    {
        const string id = "11010519491231002X";
        const string phone = "13812345678";
        var client = factory.CreateClient();
        using (await client.GetAsync(new Uri($"/lookup/{id}/{phone}", UriKind.Relative)))
        {
        }

        using (await client.GetAsync(new Uri("/test/throw", UriKind.Relative)))
        {
        }

        // The masked forms prove both requests were logged; the clear forms must be nowhere.
        var log = await ReadLogsUntilAsync("110***********002X", "138****5678", "Probe failure");
        Assert.DoesNotContain(phone, log, StringComparison.Ordinal);
        Assert.DoesNotContain(id, log, StringComparison.Ordinal);
    }

    private async Task<string> ReadLogsUntilAsync(params string[] expected)
    {
        // Request logging completes after the response; give the file sink a moment.
        var text = string.Empty;
        for (var attempt = 0; attempt < 100 && !expected.All(e => text.Contains(e, StringComparison.Ordinal)); attempt++)
        {
            await Task.Delay(100);
            text = string.Concat(Directory.GetFiles(factory.LogDirectory).Select(ReadShared));
        }

        Assert.True(expected.All(e => text.Contains(e, StringComparison.Ordinal)), text);
        return text;
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

public sealed class SiteShellTestsOnSqlite(SqlitePortalFactory factory) : SiteShellTests<SqlitePortalFactory>(factory);

public sealed class SiteShellTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SiteShellTests<PostgreSqlPortalFactory>(factory);
