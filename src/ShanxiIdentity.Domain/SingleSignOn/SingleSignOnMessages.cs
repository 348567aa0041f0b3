namespace ShanxiIdentity.Domain.SingleSignOn;

/// <summary>
/// What single sign-on says: the consent page's line for each scope (what the person hands over to
/// a client system) and the error descriptions a client system receives.
/// </summary>
public static class SingleSignOnMessages
{
    public const string ScopeOpenId = "您在该系统的用户标识（各系统互不相同，不含身份证号）";
    public const string ScopeProfile = "姓名（或单位名称）和账号类型";
    public const string ScopePhone = "预留手机号";
    public const string ScopeOrganization = "单位名称、统一社会信用代码和法人类型";
    public const string ScopeOrganizationAgent = "以您获授权的单位名义登录时：单位名称、统一社会信用代码、法人类型，以及您的姓名、经办角色和授权有效期";
    public const string ScopeIdNumber = "完整的身份证号";
    public const string ScopeOfflineAccess = "在您离开后继续保持登录状态（刷新令牌）";

    /// <summary>prompt=none, or a request that needs the person, with nobody signed in.</summary>
    public const string LoginRequired = "用户未登录";

    /// <summary>prompt=none where the person has not yet consented.</summary>
    public const string ConsentRequired = "需要用户授权";

    /// <summary>The consent page's choice under organization_agent.</summary>
    public const string ChooseIdentity = "请选择以何种身份登录该系统";

    public const string AsPerson = "以个人身份";

    public static string AsOrganisation(string organisation, string role, DateOnly endsOn) =>
        $"以“{organisation}”名义（{role}，授权有效期至{endsOn:yyyy-MM-dd}）";

    /// <summary>The consent form named an organisation that was not offered (or whose authorisation ended meanwhile).</summary>
    public const string AgentChoiceRefused = "所选单位不在可选范围内或授权已失效，请重新登录";

    /// <summary>invalid_grant at the token endpoint: the authorisation the sign-in acted under no longer holds.</summary>
    public const string AgentAuthorizationEnded = "以单位名义登录所依据的经办人授权已失效（已撤回、已到期或不再包括本系统），请重新登录";

    /// <summary>
    /// invalid_token at userinfo: sent in the WWW-Authenticate header, which allows printable ASCII
    /// only (see ClientMessages.NotAPersonToken). Client systems read it, not people.
    /// </summary>
    public const string AgentAuthorizationEndedToken = "The authorisation to act for the organisation has ended.";
}
