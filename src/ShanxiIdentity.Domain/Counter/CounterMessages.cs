using System.Globalization;

namespace ShanxiIdentity.Domain.Counter;

/// <summary>The counter's messages, one place for the staff pages and the tests.</summary>
public static class CounterMessages
{
    /// <summary>Staff have no 忘记密码: a locked member waits, or asks an administrator to reset the account.</summary>
    public static string StaffLockedOut(string until) => $"错误次数过多，账号已锁定，请于{until}后再试，或请管理员重置账号";

    public const string LetterDateRequired = "代办须填写授权委托书的委托日期";
    public const string LetterDatedAhead = "委托日期不能晚于今天";

    public static string LetterExpired(DateOnly lastValidDay) =>
        $"授权委托书已过期（委托有效期一个月，有效至{lastValidDay.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)}），请委托人重新出具";

    public const string AgentRequired = "代办须填写被授权人姓名和身份证号";
    public const string AgentIsHolder = "被授权人不能是申请人本人";
    public const string AdministratorForOrganisationOnly = "设定单位管理员仅适用于法人账号";
    public const string AdministratorByAgentOnly = "设定单位管理员须由被授权人持授权委托书代办，请填写被授权人（即新的单位管理员）姓名、身份证号和委托日期";

    public const string ScanEmpty = "上传的文件为空，请重新扫描";
    public static string ScanTooLarge => $"扫描件不能超过{ScanFile.MaxBytes / 1024 / 1024}MB，请降低分辨率后重新扫描";
    public const string ScanWrongType = "扫描件须为PDF、JPG或PNG文件（按文件内容识别，改扩展名无效）";
    public const string ScanActiveContent = "扫描件含有脚本、自动执行的操作或嵌入文件等活动内容，不能存档，请重新扫描为普通PDF或图片";
    public const string ScanTrailingData = "图片在图像结束后还附带其他内容（可能夹带网页或脚本），或文件结构不完整，不能存档，请重新扫描";
    public const string ScanMarkup = "图片中含有网页或脚本代码，不能存档，请重新扫描";
    public const string ScanRequired = "请选择扫描件";
    public const string ScanStored = "扫描件已存档";

    public const string MaterialsIncomplete = "所有材料须核对原件并上传扫描件后才能提交";
    public static string MaterialUnchecked(int position) => $"第{position}项材料尚未核对原件";
    public static string MaterialUnscanned(int position) => $"第{position}项材料尚未上传扫描件";

    public const string NothingToChange = "请至少填写一项需要更正的信息";
    public const string NotEditable = "该申请已提交，不能再修改";
    public const string NotAwaitingDecision = "该申请不在待审核状态";
    public const string AccountChangedMeanwhile = "该账号刚被其他操作修改，本次审核未生效，请刷新页面后重新审核";
    public const string OwnRequest = "不能审核自己提交的申请";
    public const string RejectionReasonRequired = "驳回须填写原因";
    public const string AccountRequired = "信息修改须先查找并选择要修改的账号";
    public const string AlreadyVerified = "该账号已完成实名核验";
    public const string UserTypeMismatch = "用户类型与账号不符";

    public const string Submitted = "申请已提交，等待审核人员审核";
    public const string Applied = "申请已批准，变更已生效，并已短信通知申请人";
    public const string Rejected = "申请已驳回";
    public const string Revealed = "已显示完整信息，本次查看已记入审计日志";

    public const string StaffSignInFailed = "账号或密码错误";
    public const string StaffCodeWrong = "动态验证码错误，请查看身份验证器后重新输入";
    public const string StaffCodeFormat = "动态验证码为6位数字";
    public const string StaffPasswordChanged = "密码已修改，您在其他设备上的登录已同时退出";
    public const string StaffCodeUsed = "该动态验证码已使用过，请等待身份验证器显示新的验证码后再输入";
    public const string StaffEnrolled = "已绑定身份验证器，登录完成";
    public const string StaffCreated = "员工账号已创建";
    public const string RolesRequired = "请至少选择一个角色";

    public const string HallUnknown = "请从列表中选择政务大厅";
    public const string RolesSaved = "角色已保存";
}
