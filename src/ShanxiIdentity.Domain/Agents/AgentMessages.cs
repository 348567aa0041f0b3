namespace ShanxiIdentity.Domain.Agents;

/// <summary>What 经办人管理, 身份切换 and the counter say about authorisations.</summary>
public static class AgentMessages
{
    public const string EndBeforeStart = "结束日期不能早于开始日期";
    public const string StartInPast = "开始日期不能早于今天";
    public const string EndInPast = "结束日期不能早于今天";

    public static string TooLong(int maxDays) => $"授权有效期最长{maxDays}天，请缩短结束日期";

    public const string ChooseSystems = "请选择至少一个业务系统，或选择“全部业务系统”";
    public const string TooManySystems = "所选业务系统过多，请改选“全部业务系统”或减少所选系统";
    public const string UnknownSystem = "所选业务系统不存在或已停止接入";
    public const string AlreadyAuthorised = "该人员已有本单位的有效授权，请修改原授权";
    public const string CannotAuthoriseSelf = "不能为自己授权";

    /// <summary>An acting 管理员 may not extend or widen their own authorisation; the 法人账号 or another 管理员 can.</summary>
    public const string CannotChangeOwn = "不能修改自己的授权，请由法人账号或其他管理员修改";

    public static string TooManyAdministrators(int max) => $"本单位的管理员已达{max}名上限，请先撤回或改为经办人";

    public const string NoLongerAdministrator = "您代表本单位的管理员授权已结束或已变更，无法再管理经办人";

    public const string ChangedMeanwhile = "该授权已被其他管理员修改，请查看最新内容后重试";
    public const string NotFound = "授权不存在或已结束";
    public const string NotInvited = "该授权已处理，无需再次操作";
    public const string Ended = "该授权已结束，无法修改";

    public const string Granted = "已发出授权，对方接受后即可以本单位名义办事";
    public const string Changed = "授权已修改";
    public const string Withdrawn = "授权已撤回，对方以本单位名义的登录已结束";
    public const string Accepted = "已接受授权，可在页面顶部切换办事身份";
    public const string Declined = "已拒绝授权";
    public const string DefaultSaved = "已设为默认办事身份";

    /// <summary>Shown in the header when the authorisation the session acted under ended since the last page.</summary>
    public static string ActingEnded(string organisation) => $"您代表{organisation}办事的授权已结束，已切换为个人办事";

    public const string ChooseRole = "请选择角色";

    /// <summary>An &lt;input type="date"&gt; that a browser without a date picker let through as text.</summary>
    public const string DateFormat = "请按“年-月-日”填写日期";

    /// <summary>The limits 经办人管理 states beside its form.</summary>
    public static string Limits(int maxAdministrators, int maxDays) =>
        $"每个单位最多{maxAdministrators}名管理员（法人账号本身不计在内）；每项授权有效期最长{maxDays}天，到期后需重新授权。被授权人接受授权后才能以本单位名义办事，授权和撤回都会短信通知对方。";

    public const string NotInForce = "该授权当前不在有效期内，无法以该单位名义办事";
    public const string PersonalService = "个人办事";

    /// <summary>身份切换 done: the status 我的账号 shows.</summary>
    public static string NowActingFor(string organisation) => $"已切换为代表{organisation}办事";

    public const string NowPersonal = "已切换为个人办事";
    public const string ChooseIdentity = "请选择办事身份";
}
