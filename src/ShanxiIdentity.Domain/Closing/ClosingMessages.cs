namespace ShanxiIdentity.Domain.Closing;

/// <summary>The words of 注销账号: 我的账号's page, the cooling-off page, the counter and the audit rows.</summary>
public static class ClosingMessages
{
    public const string Section = "注销账号";
    public const string CancelButton = "撤销注销";
    public const string ConfirmButton = "确认注销账号";
    public const string SendCodeButton = "获取短信验证码";

    /// <summary>To a client system asking without interaction (prompt=none) while the account is in its cooling-off.</summary>
    public const string PendingForClients = "账号正在注销冷静期，需本人登录政务服务平台撤销注销后才能登录业务系统";

    public const string AlreadyRequested = "您已申请注销账号，无需重复申请";
    public const string AlreadyClosed = "该账号已注销";
    public const string NotClosing = "您的账号没有待生效的注销申请";
    public const string Blocked = "请先结束以下事项，再申请注销账号";
    public const string NoReservedPhone = "账号没有预留手机号，请到政务大厅申请注销";
    public const string Cancelled = "已撤销注销，账号恢复正常使用";
    /// <summary>Start-up refuses any other <c>AccountClosing:CoolingOffDays</c>.</summary>
    public static readonly string CoolingOffInvalid =
        $"注销账号的冷静期须为 0 至 {ClosingRules.MaxCoolingOffDays} 之间的整数天数（GB/T 35273-2020 要求 15 个工作日内完成注销）。";

    public const string ChangedMeanwhile = "账号状态已发生变化，请刷新页面后重试";

    /// <summary>The counter's refusal when the account has an open closing already, or things to end first.</summary>
    public static string CounterBlocked(IEnumerable<ClosingBlocker> blockers) =>
        Blocked + "：" + string.Join("；", (blockers ?? []).Select(b => $"{b.What}（{b.WhereToEnd}）"));

    /// <summary>Said after the request, and on the cooling-off page.</summary>
    public static string Requested(string dueAt) =>
        $"已申请注销账号，将于{dueAt}生效。生效前再次登录即可撤销注销。";

    public static string Pending(string dueAt) =>
        $"您的账号已申请注销，将于{dueAt}生效。在此之前，您可以撤销注销，账号即恢复正常使用；也可以直接退出。";

    public static string OpenCounterRequest(string kind, string status, string createdOn) =>
        $"政务大厅“{kind}”申请（{createdOn}创建，{status}）";

    public const string OpenCounterRequestWhere = "请联系办理的政务大厅办结或驳回";

    public static string OpenAgent(string maskedName, string role, string status, string endsOn) =>
        $"{maskedName}的{role}授权（{status}，至{endsOn}）";

    public const string OpenAgentWhere = "请在“经办人管理”中撤回";

    /// <summary>Audit details: how the closing was asked for or cancelled, and when it takes effect. No personal data.</summary>
    public static string AuditRequested(string channel, string dueAt) => $"{channel}申请注销，{dueAt}生效";

    public const string ChannelOnline = "本人在线";
    public const string ChannelCounter = "政务大厅";
    public const string AuditClosed = "冷静期届满，账号已注销，个人信息已删除";
    public const string AuditAgentEnded = "账号注销，授权结束";
}
