namespace ShanxiIdentity.Domain.Counter;

/// <summary>The roles of service-hall staff. A staff account may hold several.</summary>
public static class StaffRole
{
    /// <summary>窗口人员: finds accounts, opens requests, checks and scans materials.</summary>
    public const string Clerk = "counter-clerk";

    /// <summary>审核人员: approves or rejects submitted requests (never their own).</summary>
    public const string Supervisor = "counter-supervisor";

    /// <summary>管理员: creates staff accounts, assigns roles, reads the audit log.</summary>
    public const string Administrator = "counter-admin";

    public static IReadOnlyList<string> All { get; } = [Clerk, Supervisor, Administrator];

    public static string DisplayName(string role) => role switch
    {
        Clerk => "窗口人员",
        Supervisor => "审核人员",
        Administrator => "管理员",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
