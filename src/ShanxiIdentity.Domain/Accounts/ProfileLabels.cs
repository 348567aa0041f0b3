namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The row labels and values of 我的账号's profile, in the seed's words.</summary>
public static class ProfileLabels
{
    public const string Name = "姓名";
    public const string IdNumber = "身份证号";
    public const string UserName = "用户名";
    public const string Phone = "手机号";
    public const string NoPhone = "未预留";
    public const string Registered = "注册日期";
    public const string OrganisationName = "单位名称";
    public const string LegalEntityType = "法人类型";
    public const string CreditCode = "统一社会信用代码";
    public const string HeadOfficeCreditCode = "总公司统一社会信用代码";
    public const string LoginName = "登录账号";
    public const string Verification = "实名核验";
    public const string AwaitingCounterVerification = "待政务大厅核验";
    public const string Verified = "已核验";
    public const string DateFormat = "yyyy年M月d日";
    public const string DateTimeFormat = "yyyy年M月d日 HH:mm";

    /// <summary>法定代表人, or 负责人 for a branch.</summary>
    public static string Representative(bool branch) => branch ? "负责人" : "法定代表人";

    public static string RepresentativeIdNumber(bool branch) => Representative(branch) + IdNumber;
}
