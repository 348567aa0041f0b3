using System.Net;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services;
using ShanxiIdentity.Web.Services.Halls;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Guidance;

/// <summary>A portal of its own per class, and the hall list to load into it.</summary>
public abstract class HallTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    protected SqlitePortalFactory Factory => factory;

    protected const string Csv = """
        city,name,address,hours,phone
        省直,山西省政务服务中心,太原市长风街1号,工作日 9:00-17:30,0351-1111111
        太原,太原市政务服务中心,太原市府东街2号,工作日 9:00-17:00,0351-2222222
        晋中市,晋中市政务服务中心,晋中市顺城街3号,,
        北京市,北京市政务服务中心,北京市东城区,工作日,010-1
        运城市,,运城市某路,工作日,0359-1
        """;

    protected async Task<ImportReport> ImportAsync(string csv)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<HallImporter>().ImportAsync(new StringReader(csv));
    }
}

/// <summary>政务大厅: loaded from CSV by an operator, listed and filtered by city, linked wherever people are sent to a hall.</summary>
public sealed class HallsTests(SqlitePortalFactory factory) : HallTests(factory)
{
    [Theory]
    [InlineData("太原市", new[] { "太原市政务服务中心" })]
    [InlineData("太原", new[] { "太原市政务服务中心" })]
    [InlineData("<script>", new[] { "山西省政务服务中心", "太原市政务服务中心", "晋中市政务服务中心" })]
    public async Task The_list_is_filtered_by_city(string city, string[] expected)
    {
        await ImportAsync(Csv);

        using var response = await Factory.CreateClient().GetAsync(new Uri("/halls?city=" + Uri.EscapeDataString(city), UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Equal(expected, page.QuerySelectorAll("[data-hall]").Select(h => h.GetAttribute("data-hall")));
    }

    [Fact]
    public async Task A_city_without_halls_says_so_and_where_to_ask()
    {
        await ImportAsync(Csv);

        using var response = await Factory.CreateClient().GetAsync(new Uri("/halls?city=大同市", UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.Empty(page.QuerySelectorAll("[data-hall]"));
        Assert.Contains("暂无大同市政务大厅的信息", page.QuerySelector("[data-no-halls]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/account/forgot")]
    [InlineData("/guide/materials?operation=modify&userType=person")]
    [InlineData("/")]
    public async Task Pages_that_send_people_to_a_hall_link_the_list(string path)
    {
        using var response = await Factory.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        var page = await Html.ParseAsync(response);

        Assert.NotNull(page.QuerySelector("main a[href='/halls']"));
    }

}

/// <summary>The import on a database of its own, so its counts do not depend on the other tests.</summary>
public sealed class HallImportTests(SqlitePortalFactory factory) : HallTests(factory)
{
    [Fact]
    public async Task The_import_takes_the_cities_of_shanxi_skips_other_lines_with_a_reason_and_updates_on_a_second_run()
    {
        var first = await ImportAsync(Csv);
        var second = await ImportAsync("city,name,address,hours,phone\n太原市,太原市政务服务中心,太原市府东街99号,工作日 9:00-17:00,0351-2222222\n");

        Assert.Equal((3, 0), (first.Added, first.Updated));
        Assert.Equal(2, first.Skipped.Count);
        Assert.Contains("line 5", first.Skipped[0], StringComparison.Ordinal);
        Assert.Contains("line 6", first.Skipped[1], StringComparison.Ordinal);
        Assert.Equal((0, 1), (second.Added, second.Updated));

        using var response = await Factory.CreateClient().GetAsync(new Uri("/halls", UriKind.Relative));
        var page = await Html.ParseAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["山西省政务服务中心", "太原市政务服务中心", "晋中市政务服务中心"], page.QuerySelectorAll("[data-hall]").Select(h => h.GetAttribute("data-hall")));
        Assert.Contains("太原市府东街99号", page.QuerySelector("[data-hall='太原市政务服务中心']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("tel:0351-1111111", page.QuerySelector("[data-hall='山西省政务服务中心'] a[href^='tel:']")!.GetAttribute("href"));
    }

}
