namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The SMS notices sent to a holder's phone when the counter changes their account (after the signature).</summary>
public static class AccountNotices
{
    public const string Signature = "【山西政务服务网】";
    public const string PhoneChangedAtCounter = "您的账号预留手机号已在政务大厅变更为本号码，其他设备上的登录已退出。如非本人办理，请立即联系当地政务大厅。";
    public const string InformationCorrectedAtCounter = "您的账号信息已在政务大厅完成更正。如非本人办理，请立即联系当地政务大厅。";
    public const string VerifiedAtCounter = "您的账号已在政务大厅完成实名核验，现在可以登录山西政务服务网。";

    /// <summary>An account registered at the counter: how to sign in, and to set a password first with 忘记密码.</summary>
    public static string RegisteredAtCounter(bool person, string? loginName)
    {
        var login = person ? (loginName is null ? "身份证号" : $"身份证号或用户名{loginName}") : $"统一社会信用代码或登录账号{loginName}";
        return $"您的账号已在政务大厅注册，可使用{login}登录。首次登录前请在登录页点击“忘记密码”，通过本手机号设置密码。";
    }
}
