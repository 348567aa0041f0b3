namespace ShanxiIdentity.Domain.Operations;

/// <summary>
/// Why the portal refuses to start with a setting as given, for the operator who reads the log.
/// Each follows the setting's name in the message (PortalConfigurationException).
/// </summary>
public static class ConfigurationMessages
{
    public const string IssuerMissing = "未配置单点登录的签发者地址，请设为门户对外的完整地址，例如 https://tyrz.shanxi.gov.cn/ 。";
    public const string IssuerNotAbsolute = "须为完整地址，例如 https://tyrz.shanxi.gov.cn/ 。";
    public const string EndpointNotHttp = "须为 http 或 https 开头的完整地址。";
    public const string KnownProxiesInvalid = "须为逗号分隔的IP地址。";

    /// <summary>QrSignIn:Places: a row whose range is not CIDR or that names no place.</summary>
    public static string QrPlaceInvalid(string? network) => $"扫码登录地区表中的“{network}”不是有效的网段（CIDR，如 223.104.3.0/24），或未填写地区名称。";
    public const string PositiveWholeNumber = "须为正整数。";

    /// <summary>Retention:AuditDays below the six months the Cybersecurity Law (art. 21) requires.</summary>
    public static string AuditRetentionTooShort(int minimumDays) => $"审计日志须至少保存 {minimumDays} 天（《网络安全法》第二十一条：网络日志留存不少于六个月）。";

    /// <summary>A setting that weakens a defence, outside Development or Testing.</summary>
    public static string TestOnly(string what) =>
        $"{what}仅允许在 Development 或 Testing 环境中设置（当前环境不允许），请删除该配置。";

    public const string HttpSingleSignOn = "经 HTTP 提供单点登录";
    public const string FixedCaptchaAnswer = "固定验证码答案";
}
