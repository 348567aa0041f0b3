namespace ShanxiIdentity.MyCases;

/// <summary>Where the portal is and how this system is registered there (接入系统 in the portal's staff area).</summary>
public sealed record PortalSettings(string Authority, string ClientId, string ClientSecret, bool RequireHttps)
{
    /// <summary>What 我的办件 asks the person for: who they are, a phone to call back, and the ID number the certificate is issued against.</summary>
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "phone", "id_number"];

    public static PortalSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var authority = configuration["Portal:Authority"];
        if (!Uri.TryCreate(authority, UriKind.Absolute, out _))
        {
            throw new SettingException("启动失败：配置项 Portal:Authority 有误。须为统一身份认证平台的完整地址。");
        }

        var secret = configuration["Portal:ClientSecret"];
        if (string.IsNullOrEmpty(secret))
        {
            throw new SettingException("启动失败：配置项 Portal:ClientSecret 为空。请填写平台“接入系统”页面发放的系统密钥。");
        }

        return new PortalSettings(authority!, configuration["Portal:ClientId"] ?? "wode-banjian", secret, configuration.GetValue("Portal:RequireHttps", true));
    }
}
