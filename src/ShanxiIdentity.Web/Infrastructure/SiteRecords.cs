namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// What 政府网站发展指引 asks a government site's footer to name. Operators fill these in
/// (configuration section <c>Site</c>); an empty one is not shown.
/// </summary>
public sealed class SiteRecords
{
    public const string Section = "Site";

    /// <summary>主办单位.</summary>
    public string Sponsor { get; set; } = string.Empty;

    /// <summary>承办单位 (the data centre that runs the portal).</summary>
    public string Operator { get; set; } = string.Empty;

    /// <summary>网站标识码.</summary>
    public string SiteCode { get; set; } = string.Empty;

    /// <summary>ICP 备案号, e.g. 晋ICP备00000000号.</summary>
    public string IcpRecord { get; set; } = string.Empty;

    /// <summary>公安机关备案号, e.g. 晋公网安备 14010502000000号.</summary>
    public string PublicSecurityRecord { get; set; } = string.Empty;

    /// <summary>联系我们: the service telephone.</summary>
    public string ContactPhone { get; set; } = string.Empty;

    public string ContactEmail { get; set; } = string.Empty;

    public string ContactAddress { get; set; } = string.Empty;

    /// <summary>When the telephone is answered, e.g. 工作日 9:00–17:00.</summary>
    public string ContactHours { get; set; } = string.Empty;
}
