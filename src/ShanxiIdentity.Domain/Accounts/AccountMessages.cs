namespace ShanxiIdentity.Domain.Accounts;

/// <summary>
/// The portal's own messages for the account pages (the seed's quoted ones are in
/// <see cref="SeedMessages"/>). One place, so pages and tests use the same words.
/// </summary>
public static class AccountMessages
{
    public const string PasswordRule = "密码至少8位，须包含大写字母、小写字母、数字、符号中的至少三种，不能包含身份证号或手机号，且不能是常见或容易被猜到的密码";
    public const string PasswordTooWeak = "密码至少8位，且须包含大写字母、小写字母、数字、符号中的至少三种";
    public const string PasswordTooLong = "密码不能超过64位";
    public const string PasswordContainsIdNumber = "密码不能包含身份证号";
    public const string PasswordContainsPhone = "密码不能包含手机号";

    /// <summary>The password passes the shape rules but an attacker's guessing would find it soon; the reason says why.</summary>
    public static string PasswordGuessable(string reason) => $"密码太常见或容易被猜到：{reason}";
    public const string GuessablePersonalInformation = "含有您的身份证号、出生日期、手机号或账号";
    public const string GuessableCommonPassword = "是常用密码或其简单变形";
    public const string GuessableCommonWords = "主要由常见单词或姓名组成";
    public const string GuessableKeyboard = "含有键盘上相邻的按键（如 qwerty、asdf）";
    public const string GuessableRepeat = "含有重复的字符（如 aaa）";
    public const string GuessableSequence = "含有连续的字母或数字（如 abc、123）";
    public const string GuessableDate = "含有年份或日期";
    public const string GuessableShort = "请加长密码，并避免常见单词、日期和有规律的组合";
    public const string PasswordsDiffer = "两次输入的密码不一致";
    public const string CurrentPasswordWrong = "当前密码不正确";

    public const string UserNameRule = "4至20位，由字母、数字和下划线组成，以字母开头";
    public const string UserNameInvalid = "用户名须为4至20位，由字母、数字和下划线组成，以字母开头";
    public const string UserNameTaken = "该用户名已被使用，请更换";

    public const string NameInvalid = "请输入与身份证一致的姓名";

    public const string LoginNameRule = "6至20位，由字母、数字和下划线组成，以字母开头";
    public const string LoginNameInvalid = "登录账号须为6至20位，由字母、数字和下划线组成，以字母开头";
    public const string OrganisationNameInvalid = "请输入与营业执照或登记证书一致的单位名称";
    public const string HeadOfficeSameAsBranch = "总公司统一社会信用代码不能与分公司相同";
    public const string RegistryUnavailable = "市场监管登记信息查询服务暂时不可用，请稍后再试";
    public const string AwaitingCounterVerification = "您的法人账号尚未完成实名核验，请携带证明材料到当地政务大厅办理核验后再登录";
    public const string LegalRegisteredAwaitingCounter = "法人账号已注册。该类型单位需到当地政务大厅核验证明材料、完成实名核验后方可登录";

    public static string CategoryMismatch(string department, string category, string type) =>
        $"统一社会信用代码的登记管理部门和机构类别（{department}·{category}）与所选法人类型“{type}”不符，请核对法人类型";

    public const string AgreementRequired = "请阅读并同意《山西省政务服务网用户协议》";

    public const string CaptchaWrong = "验证码错误，请重新输入";
    public const string CaptchaExpired = "验证码已过期，请重新输入";

    public const string SmsCodeWrong = "短信验证码错误";
    public const string SmsCodeExpired = "短信验证码已失效，请重新获取";
    public const string SmsCodeFormat = "短信验证码为6位数字";
    public static string SmsTooSoon(int seconds) => $"短信验证码发送过于频繁，请{seconds}秒后再试";
    public const string SmsDailyLimit = "该手机号今日获取短信验证码次数已达上限，请明天再试";
    /// <summary>Beside 获取短信验证码, before any send: how long a code will last (SmsCodeService.Lifetime).</summary>
    public static string SmsCodeValidFor(int minutes) => $"验证码{minutes}分钟内有效";
    public static string SmsSent(string maskedPhone) => $"短信验证码已发送至{maskedPhone}，{Sms.SmsCodeLifetime.Minutes}分钟内有效";

    /// <summary>忘记密码 names no phone: whoever knows an account's ID number must not learn even its masked phone.</summary>
    public static readonly string SmsSentToReservedPhone = $"短信验证码已发送至该账号的预留手机号，{Sms.SmsCodeLifetime.Minutes}分钟内有效";
    public const string ResetCodeGoesToReservedPhone = "短信验证码将发送至该账号的预留手机号";
    public const string SmsSendFailed = "短信发送失败，请稍后再试";

    public const string RealNameMismatch = "实名核验未通过：姓名与身份证号不一致，请核对后重新输入";
    public const string RealNameUnavailable = "实名核验服务暂时不可用，请稍后再试";

    public static string LockedOut(string until) => $"密码错误次数过多，账号已锁定，请于{until}后再试，或通过“忘记密码”重置密码";
    /// <summary>短信验证码登录 refused after a right code: the lock came from wrong passwords or wrong codes alike.</summary>
    public static string SignInLockedOut(string until) => $"登录失败次数过多，账号已锁定，请于{until}后再试";
    public const string SmsSignInPhoneHelp = "请输入该账号注册时预留的手机号";
    public const string NoReservedPhone = "该账号未预留手机号，请携带证明材料到当地政务大厅办理";
    public const string PasswordResetDone = "密码已重置，请使用新密码登录";
    public const string PasswordChanged = "密码已修改";
    public const string PasswordChangedElsewhereSignedOut = PasswordChanged + "，其他设备上的登录已同时退出";
    public const string PhoneChanged = "预留手机号已修改";
    public const string OtherSessionsSignedOut = "已退出其他设备上的登录";
    public const string ResetExpired = "操作已超时，请重新开始";
    public const string SamePhone = "新手机号与当前预留手机号相同";

    public const string StaffLoginNameTaken = "该登录账号已被使用";
    public const string StaffNotFound = "未找到该员工账号";
    public const string CannotDropOwnAdministrator = "不能取消自己的管理员角色";

    public const string OldPhoneCodeFirst = "请先填写原手机号收到的短信验证码，再获取新手机号短信验证码";
}
