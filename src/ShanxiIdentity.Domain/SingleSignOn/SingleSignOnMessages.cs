namespace ShanxiIdentity.Domain.SingleSignOn;

/// <summary>
/// What single sign-on says: the consent page's line for each scope (what the person hands over to
/// a client system) and the error descriptions a client system receives.
/// </summary>
public static class SingleSignOnMessages
{
    public const string ScopeOpenId = "您在本平台的账号标识（不含身份证号）";
    public const string ScopeProfile = "姓名（或单位名称）和账号类型";
    public const string ScopePhone = "预留手机号";
    public const string ScopeOrganization = "单位名称、统一社会信用代码和法人类型";
    public const string ScopeIdNumber = "完整的身份证号";
    public const string ScopeOfflineAccess = "在您离开后继续保持登录状态（刷新令牌）";

    /// <summary>prompt=none, or a request that needs the person, with nobody signed in.</summary>
    public const string LoginRequired = "用户未登录";

    /// <summary>prompt=none where the person has not yet consented.</summary>
    public const string ConsentRequired = "需要用户授权";
}
