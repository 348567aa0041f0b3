namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The words of 通行密钥 (passkeys, WebAuthn): 我的账号's page, the login button, notices and the script's messages.</summary>
public static class PasskeyMessages
{
    public const string Section = "通行密钥";
    public const string SignInButton = "使用通行密钥登录";
    public const string AddButton = "添加通行密钥";
    public const string DefaultName = "通行密钥";

    /// <summary>More than this many passkeys on one account is not a person's devices but a stockpile.</summary>
    public const int MaxPerAccount = 10;

    public const int NameMaxLength = 30;

    public const string Added = "通行密钥已添加，今后可在登录页点击“使用通行密钥登录”。";
    public const string Renamed = "通行密钥已重命名";
    public const string Removed = "通行密钥已删除";
    public const string NameRequired = "请输入通行密钥名称";
    public const string NameTooLong = "通行密钥名称不能超过30个字";
    public const string NameInvalid = "通行密钥名称含有无法识别的字符";
    public const string TooMany = "每个账号最多添加10个通行密钥，请先删除不再使用的";
    public const string AddFailed = "通行密钥添加失败，请重试";
    public const string NeedsScript = "添加通行密钥需要浏览器支持并启用脚本，请使用新版 Chrome、Edge、Safari 或 Firefox 浏览器";
    public const string StartAgain = "验证已超时，请重新操作";
    public const string SignInFailed = "通行密钥验证未通过，请重试或使用密码登录";

    /// <summary>For the script: said in the page, nothing was changed.</summary>
    public const string Cancelled = "已取消，未做任何更改";
    public const string NotSupported = "当前浏览器不支持通行密钥，请使用其他方式登录";
    public const string NetworkError = "网络连接失败，请稍后重试";
    public const string Working = "请按浏览器或设备的提示完成验证……";

    /// <summary>The audit rows' detail for a sign-in with a passkey.</summary>
    public const string AuditDetail = "通行密钥登录 amr=" + AuthenticationMethods.HardwareKey;
}
