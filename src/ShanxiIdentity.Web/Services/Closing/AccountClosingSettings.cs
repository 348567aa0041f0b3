using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Closing;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>注销账号's setting: the cooling-off in days (<c>AccountClosing:CoolingOffDays</c>, default 15, at most 21).</summary>
public sealed record AccountClosingSettings(int CoolingOffDays)
{
    public static AccountClosingSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var text = configuration[ClosingRules.CoolingOffSetting];
        if (string.IsNullOrWhiteSpace(text))
        {
            return new AccountClosingSettings(ClosingRules.DefaultCoolingOffDays);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var days) && ClosingRules.IsValidCoolingOff(days)
            ? new AccountClosingSettings(days)
            : throw new PortalConfigurationException(ClosingRules.CoolingOffSetting, ClosingMessages.CoolingOffInvalid);
    }
}
