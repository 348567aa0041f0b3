using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>Operators' limits for 经办人管理: how many persons may be administrators, and the longest validity.</summary>
public sealed record AgentSettings(int MaxAdministrators, int MaxValidityDays)
{
    public const string MaxAdministratorsKey = "Agents:MaxAdministrators";
    public const string MaxValidityDaysKey = "Agents:MaxValidityDays";

    public static AgentSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new AgentSettings(configuration.GetValue(MaxAdministratorsKey, 2), configuration.GetValue(MaxValidityDaysKey, 365));
        if (settings.MaxAdministrators < 1)
        {
            throw new PortalConfigurationException(MaxAdministratorsKey, ConfigurationMessages.PositiveWholeNumber);
        }

        if (settings.MaxValidityDays < 1)
        {
            throw new PortalConfigurationException(MaxValidityDaysKey, ConfigurationMessages.PositiveWholeNumber);
        }

        return settings;
    }
}
