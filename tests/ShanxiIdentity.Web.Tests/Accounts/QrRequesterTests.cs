using Microsoft.Extensions.Options;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.QrLogin;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>What the phone is told about the desktop asking: the place from the operator's table, the masked address, the browser.</summary>
public sealed class QrRequesterTests
{
    private static PlaceLookup Lookup(params (string Network, string Place)[] rows) =>
        new(Options.Create(new QrSignInSettings { Places = [.. rows.Select(r => new QrPlaceRange { Network = r.Network, Place = r.Place })] }));

    [Theory]
    [InlineData("223.104.3.18", "山西省太原市（移动）")]
    [InlineData("223.104.9.1", "山西省")]
    [InlineData("::ffff:223.104.3.18", "山西省太原市（移动）")]
    [InlineData("2409:8a0c:1:2::1", "山西省（IPv6）")]
    [InlineData("8.8.8.8", "未知地区")]
    [InlineData("not an address", "未知地区")]
    [InlineData(null, "未知地区")]
    public void The_narrowest_range_that_holds_the_address_names_the_place(string? address, string place)
    {
        var lookup = Lookup(("223.104.0.0/16", "山西省"), ("223.104.3.0/24", "山西省太原市（移动）"), ("2409:8a0c::/32", "山西省（IPv6）"));
        Assert.Equal(place, lookup.PlaceOf(address));
    }

    [Theory]
    [InlineData("223.104.3.18", "223.104.3.*")]
    [InlineData("::ffff:10.1.2.3", "10.1.2.*")]
    [InlineData("2409:8a0c:1:2::1", "2409:8a0c:1:*")]
    [InlineData(null, "未知")]
    public void The_address_is_shown_masked(string? address, string masked) =>
        Assert.Equal(masked, PlaceLookup.Mask(address));

    [Theory]
    [InlineData("223.104.3.0/33", "太原")]
    [InlineData("taiyuan", "太原")]
    [InlineData("223.104.3.0/24", " ")]
    public void A_wrong_row_in_the_table_stops_the_start_with_the_setting_named(string network, string place)
    {
        var refused = Assert.Throws<PortalConfigurationException>(() => Lookup((network, place)));
        Assert.Equal("QrSignIn:Places", refused.Setting);
    }

    [Theory]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36", "Windows 电脑上的 Chrome 浏览器")]
    [InlineData("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0", "Windows 电脑上的 Edge 浏览器")]
    [InlineData("Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15", "Mac 电脑上的 Safari 浏览器")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", "Linux 电脑上的 Firefox 浏览器")]
    [InlineData("Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/86.0 Safari/537.36 QQBrowser/10.8", "Windows 电脑上的 QQ浏览器")]
    [InlineData("curl/8.0", QrSignInMessages.UnknownBrowser)]
    [InlineData("", QrSignInMessages.UnknownBrowser)]
    public void The_browser_is_described_shortly_in_chinese(string userAgent, string description) =>
        Assert.Equal(description, BrowserDescription.Describe(userAgent));
}
