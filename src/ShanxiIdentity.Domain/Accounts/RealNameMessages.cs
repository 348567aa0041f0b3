namespace ShanxiIdentity.Domain.Accounts;

/// <summary>实名等级 in Chinese: its names on 我的账号 and 接入系统, how each is raised, and what a client system is told when a level is not met.</summary>
public static class RealNameMessages
{
    public static string Name(RealNameLevel level) => level switch
    {
        RealNameLevel.FormatOnly => "一级（证件号码格式校验）",
        RealNameLevel.RegistryConfirmed => "二级（权威库核验）",
        RealNameLevel.PhoneProved => "三级（权威库核验 + 手机号验证）",
        RealNameLevel.InPerson => "四级（政务大厅人工核验）",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static string Meaning(RealNameLevel level, bool organisation) => level switch
    {
        RealNameLevel.FormatOnly => organisation
            ? "统一社会信用代码只做了格式校验：单位尚待政务大厅人工核验，或登记机关已查询不到该单位的信息。"
            : "身份证号只做了格式校验，尚未与权威库核对。",
        RealNameLevel.RegistryConfirmed => organisation
            ? "单位名称、统一社会信用代码和法定代表人已与登记机关的信息核对一致，但预留手机号未经短信验证（由窗口录入）。"
            : "姓名和身份证号已与权威库核对一致，但预留手机号未经短信验证（由窗口录入）。",
        RealNameLevel.PhoneProved => "身份信息已与权威库核对一致，预留手机号已通过短信验证码验证。",
        RealNameLevel.InPerson => organisation
            ? "政务大厅工作人员已核验单位的证照原件。"
            : "本人已在政务大厅由工作人员当面核验身份。",
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>How to reach the next level; null at the top.</summary>
    public static string? HowToRaise(RealNameLevel level) => level switch
    {
        RealNameLevel.FormatOnly => "请携带证明材料到政务大厅办理人工实名核验，核验通过后为四级。",
        RealNameLevel.RegistryConfirmed => "在本页“修改预留手机号”中通过短信验证码验证手机号，即可升为三级；或到政务大厅办理人工实名核验，升为四级。",
        RealNameLevel.PhoneProved => "本人携带有效身份证件到政务大厅办理人工实名核验，即可升为四级。",
        _ => null,
    };

    public const string Heading = "实名等级";

    /// <summary>unmet_authentication_requirements: the account is below what the client system asks for (or its administrator set).</summary>
    public static string LevelTooLow(RealNameLevel required, RealNameLevel actual) =>
        $"该业务系统要求实名等级不低于{Name(required)}，您的账号目前为{Name(actual)}。实名等级无法在线提升（三级可在“我的账号”验证预留手机号），请携带证明材料到政务大厅办理人工实名核验";

    /// <summary>unmet_authentication_requirements: the client asks for a second factor and the account has none set up.</summary>
    public const string SecondFactorRequired = "该业务系统要求多因素登录。请登录本平台，完成两步验证（或在“我的账号”中设置两步验证）后再试";

    /// <summary>Setting 接入系统's minimum.</summary>
    public const string NoMinimum = "不限";

    public const string MinimumRule = "请选择有效的最低实名等级";
}
