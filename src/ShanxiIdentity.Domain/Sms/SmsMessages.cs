namespace ShanxiIdentity.Domain.Sms;

/// <summary>The texts of the SMS the portal sends, each under the portal's signature.</summary>
public static class SmsMessages
{
    public const string Signature = "【山西政务服务网】";

    public static string VerificationCode(string code) =>
        $"{Signature}您的验证码为{code}，{SmsCodeLifetime.Minutes}分钟内有效。如非本人操作，请忽略本短信。";

    public const string ReservedPhoneChangedAtCounter = Signature + "您的账号预留手机号已在政务大厅变更为本号码，其他设备上的登录已退出。如非本人办理，请立即联系当地政务大厅。";

    public const string AccountInformationCorrectedAtCounter = Signature + "您的账号信息已在政务大厅完成更正。如非本人办理，请立即联系当地政务大厅。";

    public const string RealNameVerifiedAtCounter = Signature + "您的账号已在政务大厅完成实名核验，现在可以登录山西政务服务网。";

    /// <summary>A notice to the reserved phone when 两步验证 is turned on, off, or its recovery codes are renewed.</summary>
    public static string SecondFactorChanged(string change) =>
        $"{Signature}您的账号已{change}。如非本人操作，请立即登录修改密码，或到当地政务大厅办理。";

    /// <summary>A sign-in from a browser the account has not signed in with before (its time in China time, the browser's short name).</summary>
    public static string NewBrowserSignIn(string time, string browser) =>
        $"{Signature}您的账号于{time}在新的浏览器（{browser}）上登录。如非本人操作，请立即修改密码，或到当地政务大厅办理。";

    /// <summary>
    /// A notice to the reserved phone when a passkey (通行密钥) is added. Without the passkey's name:
    /// whoever added it chose the name, and an official text must not carry their words.
    /// </summary>
    public const string PasskeyAdded =
        Signature + "您的账号已添加一个通行密钥，今后可用它登录。如非本人操作，请立即登录删除该通行密钥并修改密码，或到当地政务大厅办理。";

    /// <summary>A notice to the reserved phone when a passkey is removed.</summary>
    public const string PasskeyRemoved =
        Signature + "您的账号已删除一个通行密钥。如非本人操作，请立即登录修改密码，或到当地政务大厅办理。";

    /// <summary>An account registered at the counter has no password yet: the holder sets one with 忘记密码.</summary>
    public static string RegisteredAtCounter(bool person, string? loginName)
    {
        var login = person ? (loginName is null ? "身份证号" : $"身份证号或用户名{loginName}") : $"统一社会信用代码或登录账号{loginName}";
        return $"{Signature}您的账号已在政务大厅注册，可使用{login}登录。首次登录前请在登录页点击“忘记密码”，通过本手机号设置密码。";
    }

    /// <summary>To the person an organisation authorised (经办人管理 or the counter).</summary>
    public static string AgentInvited(string organisation, string role) =>
        $"{Signature}{organisation}授权您作为其{role}，请登录山西政务服务网，在“我的账号”中确认接受或拒绝。如有疑问，请联系该单位。";

    /// <summary>To the administrator who granted it.</summary>
    public static string AgentGranted(string organisation, string maskedName) =>
        $"{Signature}{organisation}已向{maskedName}发出经办人授权。如非本单位管理员操作，请立即登录检查。";

    public static string AgentWithdrawnToPerson(string organisation) =>
        $"{Signature}{organisation}已撤回对您的授权，您不能再以该单位名义办事。";

    public static string AgentWithdrawnToAdministrator(string organisation, string maskedName) =>
        $"{Signature}{organisation}对{maskedName}的经办人授权已撤回。如非本单位管理员操作，请立即登录检查。";

    /// <summary>To the person the counter set as an organisation's administrator (they have an account).</summary>
    public static string AdministratorSetAtCounter(string organisation) =>
        $"{Signature}您已在政务大厅被设定为{organisation}的单位管理员，登录山西政务服务网后可切换为该单位身份办事并管理经办人。如非本人办理，请立即联系当地政务大厅。";

    /// <summary>To the organisation's reserved phone.</summary>
    public static string AdministratorSetAtCounterToOrganisation(string maskedName) =>
        $"{Signature}贵单位已在政务大厅将{maskedName}设定为单位管理员，原由个人担任的单位管理员（如有）同时撤回。如非本单位办理，请立即联系当地政务大厅。";

    /// <summary>注销账号 asked for (online or at the counter): when it takes effect and how to cancel it.</summary>
    public static string ClosingRequested(string dueAt, bool atCounter) =>
        $"{Signature}您的账号已{(atCounter ? "在政务大厅" : string.Empty)}申请注销，将于{dueAt}生效。生效前登录山西政务服务网即可撤销注销。如非本人操作，请立即登录撤销并修改密码，或到当地政务大厅办理。";

    public const string ClosingCancelled =
        Signature + "您的账号注销申请已撤销，账号恢复正常使用。如非本人操作，请立即登录修改密码，或到当地政务大厅办理。";

    /// <summary>The last message to the reserved phone, written before the number is erased.</summary>
    public const string AccountClosed =
        Signature + "您的账号已注销，账号中的个人信息已删除，身份证号（统一社会信用代码）可重新注册。";
}
