namespace ShanxiIdentity.MyCases;

/// <summary>Where the portal is and how this system is registered there (接入系统 in the portal's staff area).</summary>
public sealed record PortalSettings(string Authority, string ClientId, string ClientSecret, bool RequireHttps, IReadOnlyList<string> Scopes)
{
    /// <summary>
    /// What 我的办件 asks the person for unless <c>Portal:Scopes</c> says otherwise: who they are, a
    /// phone to call back, the ID number the certificate is issued against, and the organisation
    /// they may act for (organization_agent: the portal offers the choice on its consent page).
    /// </summary>
    public const string DefaultScopes = "openid profile phone id_number organization_agent";

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

        var scopes = (configuration["Portal:Scopes"] is { Length: > 0 } configured ? configured : DefaultScopes).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (!scopes.Contains("openid", StringComparer.Ordinal))
        {
            throw new SettingException("启动失败：配置项 Portal:Scopes 须包含 openid（以空格分隔）。");
        }

        return new PortalSettings(authority!, configuration["Portal:ClientId"] ?? "wode-banjian", secret, configuration.GetValue("Portal:RequireHttps", true), scopes);
    }
}
