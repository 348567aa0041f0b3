using Microsoft.Extensions.Configuration;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Web.Services.Closing;

namespace ShanxiIdentity.Web.Tests.Closing;

/// <summary><c>AccountClosing:CoolingOffDays</c>: 15 by default, 0–21 accepted, anything else stops start-up naming the setting.</summary>
public sealed class ClosingSettingsTests
{
    [Theory]
    [InlineData(null, 15)]
    [InlineData("0", 0)]
    [InlineData("21", 21)]
    public void A_cooling_off_within_the_standard_s_limit_is_taken(string? value, int days) =>
        Assert.Equal(days, AccountClosingSettings.From(Configuration(value)).CoolingOffDays);

    [Theory]
    [InlineData("22")]
    [InlineData("-1")]
    [InlineData("fifteen")]
    public void Any_other_value_names_the_setting(string value)
    {
        var refused = Assert.Throws<PortalConfigurationException>(() => AccountClosingSettings.From(Configuration(value)));
        Assert.Contains(ClosingRules.CoolingOffSetting, refused.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(string? days) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [ClosingRules.CoolingOffSetting] = days }).Build();
}
