namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The words of 两步验证 (a second factor after the password), for its pages, notices and tests.</summary>
public static class SecondFactorMessages
{
    public const string Section = "两步验证";
    public const string AppMethod = "身份验证器";
    public const string SmsMethod = "短信验证码";
    public const string CodeFormat = "验证码为6位数字";
    public const string CodeWrong = "验证码错误，请重新输入";
    public const string CodeUsed = "该动态验证码已使用过，请等待身份验证器显示新的验证码后再输入";
    public const string RecoveryCodeWrong = "恢复码错误或已使用过";
    public const string ChooseMethod = "请选择验证方式";
    public const string Enabled = "两步验证已开启。请妥善保存下方的恢复码，每个恢复码只能使用一次，本页关闭后不再显示。";
    public const string Disabled = "两步验证已关闭";
    public const string RecoveryCodesRenewed = "已生成新的恢复码，原有恢复码已作废。请妥善保存，本页关闭后不再显示。";
    public const string AlreadyEnabled = "两步验证已开启，如需更换验证方式，请先关闭";
    public const string NotEnabled = "您尚未开启两步验证";
    public const string StartAgain = "验证已超时，请重新登录";

    /// <summary>A step-up by SMS on a desktop signed in by 扫码登录: the code would go to the phone that confirmed it.</summary>
    public const string SmsAfterQr = "扫码登录后不能用短信验证码完成两步验证（验证码会发到确认扫码的同一部手机）。请勾选“使用恢复码”，或退出后用密码登录";

    /// <summary>短信验证码登录 is one factor: an account that asked for two signs in with its password and then its second factor.</summary>
    public const string UsePasswordLogin = "您的账号已开启两步验证，请使用密码登录并完成两步验证";

    public const string NoticeEnabledApp = "开启两步验证（身份验证器）";
    public const string NoticeEnabledSms = "开启两步验证（短信验证码）";
    public const string NoticeDisabled = "关闭两步验证";
    public const string NoticeRecoveryCodes = "重新生成两步验证恢复码";

    public static string MethodName(string method) =>
        method == AuthenticationMethods.Sms ? SmsMethod : AppMethod;
}
