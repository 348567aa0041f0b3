using Microsoft.Extensions.Options;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.QrLogin;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// The place the phone is told the desktop asks from, by the operator's table (the browser and the
/// masked address are 登录记录's: SignInOriginTextTests).
/// </summary>
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
    [InlineData("223.104.3.0/33", "太原")]
    [InlineData("taiyuan", "太原")]
    [InlineData("223.104.3.0/24", " ")]
    public void A_wrong_row_in_the_table_stops_the_start_with_the_setting_named(string network, string place)
    {
        var refused = Assert.Throws<PortalConfigurationException>(() => Lookup((network, place)));
        Assert.Equal("QrSignIn:Places", refused.Setting);
    }
}
