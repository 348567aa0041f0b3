using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Domain.Sessions;

/// <summary>The texts of 我的账号 › 登录记录.</summary>
public static class SignInHistoryMessages
{
    public const string Section = "登录记录";

    public const string Entry = "查看最近的登录和当前登录的设备，可退出不认识的设备。";

    /// <summary>How many recent sign-ins the page lists.</summary>
    public const int RecentCount = 20;

    public const string RecentNote = "显示最近 20 次登录（时间为北京时间，地址只保留部分）。";

    public const string ThisDevice = "本设备";

    public const string SessionEnded = "已退出该设备。";

    public const string UnknownAddress = "未记录";

    public const string UnknownMethod = "未记录";

    /// <summary>The method names of a sign-in, in Chinese (amr values as RFC 8176 names them; "mca" is 扫码登录).</summary>
    public static string Methods(string? amr)
    {
        var names = (amr ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(MethodName).Where(n => n is not null).Distinct().ToList();
        return names.Count == 0 ? UnknownMethod : string.Join("、", names);
    }

    private static string? MethodName(string amr) => amr switch
    {
        AuthenticationMethods.Password => "密码",
        AuthenticationMethods.Sms => "短信验证码",
        AuthenticationMethods.OneTimePassword => "身份验证器",
        AuthenticationMethods.MultiFactor => "两步验证",
        AuthenticationMethods.HardwareKey => "通行密钥",
        "mca" => "扫码",
        _ => null,
    };
}
