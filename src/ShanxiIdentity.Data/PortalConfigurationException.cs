namespace ShanxiIdentity.Data;

/// <summary>
/// A setting is missing or wrong. The host prints the message alone, without a stack trace,
/// so the message must name the setting and say what to do.
/// </summary>
public sealed class PortalConfigurationException : Exception
{
    public PortalConfigurationException(string setting, string message)
        : base($"启动失败：配置项 {setting} 有误。{message}")
    {
        Setting = setting;
    }

    public PortalConfigurationException(string setting, string message, Exception innerException)
        : base($"启动失败：配置项 {setting} 有误。{message}", innerException)
    {
        Setting = setting;
    }

    public PortalConfigurationException()
        : this("(unknown)", string.Empty)
    {
    }

    public PortalConfigurationException(string message)
        : this("(unknown)", message)
    {
    }

    public string Setting { get; }
}
