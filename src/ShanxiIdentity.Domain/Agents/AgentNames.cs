namespace ShanxiIdentity.Domain.Agents;

/// <summary>The Chinese names of roles and statuses, one place for every page and message.</summary>
public static class AgentNames
{
    /// <summary>An authorisation that names no business system reaches them all, present and future.</summary>
    public const string AllSystems = "全部业务系统";

    /// <summary>Who the activity page names for what the portal did by itself (到期).</summary>
    public const string System = "系统";

    public static string DisplayName(this AgentRole role) => role switch
    {
        AgentRole.Administrator => "管理员",
        AgentRole.Agent => "经办人",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>The role as client systems receive it (claim <c>agent_role</c>).</summary>
    public static string ProtocolName(this AgentRole role) => role switch
    {
        AgentRole.Administrator => "administrator",
        AgentRole.Agent => "agent",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string DisplayName(this AgentAuthorizationStatus status) => status switch
    {
        AgentAuthorizationStatus.Invited => "待接受",
        AgentAuthorizationStatus.Accepted => "已接受",
        AgentAuthorizationStatus.Declined => "已拒绝",
        AgentAuthorizationStatus.Withdrawn => "已撤回",
        AgentAuthorizationStatus.Expired => "已到期",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
