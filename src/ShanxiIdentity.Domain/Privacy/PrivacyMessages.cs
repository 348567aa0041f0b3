namespace ShanxiIdentity.Domain.Privacy;

/// <summary>The texts of the 隐私政策 pages, 下载我的信息 and 谁查看了我的信息.</summary>
public static class PrivacyMessages
{
    public const string PolicyTitle = "隐私政策";

    public const string NewVersionTitle = "隐私政策已更新";

    public const string NewVersionLead = "山西省政务服务网的隐私政策已更新。请阅读变更内容，同意后继续使用本平台。";

    public const string NewVersionChoices = "如您不同意，可以退出登录，或申请注销账号。";

    public const string Accepted = "您已同意新版隐私政策。";

    /// <summary>To a client asking for no interaction (prompt=none) while the person has a new policy to accept.</summary>
    public const string PolicyPendingForClients = "用户需要先在统一身份认证平台同意新版隐私政策。";

    /// <summary>The form showed a version that is no longer the current one (a newer was published meanwhile).</summary>
    public const string VersionChanged = "隐私政策刚刚又有更新，请阅读后重新确认。";

    public const string AcceptLabel = "我已阅读并同意";

    public const string ExportSection = "下载我的信息";

    public const string ExportEntry = "获取本平台保存的您的全部个人信息副本（JSON 文件和可打印页面）。";

    public const string ExportRequested = "您的信息副本已准备好，请在有效期内下载。";

    public const string ExportAlreadyPending = "您已有一份尚未下载的信息副本，请先下载或等待其过期。";

    public const string ExportGone = "该信息副本已下载过或已过期，请重新申请。";

    public const string ExportJsonTaken = "JSON 文件已下载到本设备（手机上通常在“下载”文件夹）。该文件只能下载一次。";

    public const string ExportPasswordWrong = "当前密码不正确。";

    public const string ExportPasswordRequired = "请输入当前密码。";

    public const string ViewsSection = "谁查看了我的信息";

    public const string ViewsEntry = "查看政务大厅工作人员查询、查看您信息的记录，以及业务系统获取您身份证号、完整手机号的记录。";

    public const string ViewsNone = "暂无记录。";

    public const string HallUnknown = "未记录大厅";

    /// <summary>Rows per page of 谁查看了我的信息.</summary>
    public const int ViewsPageSize = 20;
}
