namespace ShanxiIdentity.Domain.SingleSignOn;

/// <summary>The staff area's and the consent page's messages for client systems.</summary>
public static class ClientMessages
{
    public const string ClientIdRule = "系统标识须为3至50位小写字母、数字或短横线，并以字母开头，且不能是账号标识（GUID）的形式";
    public const string ClientIdTaken = "该系统标识已被使用";
    public const string NameRequired = "请填写系统名称";
    public const string NameTooLong = "系统名称不能超过50个字";
    public const string RedirectUriRequired = "请至少填写一个登录回调地址";
    public const string RedirectUriRule = "地址须为 https 开头的完整地址（本机测试可用 http://localhost），不能带 # 片段：";
    public const string ScopeRequired = "请至少选择一项可申请的信息";
    public const string Registered = "已接入该系统";
    public const string CopySecretNow = "请立即抄下系统密钥：离开本页后无法再次查看，平台只保存其摘要";
    public const string Saved = "已保存";
    public const string SecretRenewed = "已生成新的系统密钥，旧密钥立即失效";
    public const string Removed = "已停止该系统接入，其令牌均已失效";
    public const string NotFound = "该系统不存在或已停止接入";
    public const string ConsentWithdrawn = "已撤销授权，该系统需重新征得您同意才能获取您的信息";
    public const string StaffCannotSignInElsewhere = "政务大厅工作人员账号不能用于登录其他业务系统，请使用个人或法人账号登录";
    public const string GrantNoLongerValid = "账号的密码或登录状态已变更，请重新登录";
    public const string ConsentDenied = "您已拒绝授权";
    public const string SectorRule = "标识共享组须为3至50位小写字母、数字或短横线，并以字母开头";
    public const string BackChannelLogoutUriRule = "后端退出通知地址须为 https 开头的完整地址（本机测试可用 http://localhost），不能带 # 片段";
    public const string GrantsRevoked = "（收回了信息项，已撤销该系统已获得的全部授权和令牌）";
    /// <summary>
    /// Sent in the WWW-Authenticate header, which RFC 6750 (and Kestrel) limit to printable ASCII:
    /// a Chinese description there turned the 401 into a 500. Client systems read it, not people.
    /// </summary>
    public const string NotAPersonToken = "The access token does not stand for a person.";

    /// <summary>Userinfo during the cooling-off of 注销账号 (a header: ASCII only).</summary>
    public const string AccountClosingToken = "The account is in the cooling-off period of its closing.";
}
