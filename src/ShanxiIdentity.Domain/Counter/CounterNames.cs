namespace ShanxiIdentity.Domain.Counter;

public static class CounterNames
{
    /// <summary>The changes a clerk can open for an existing account (信息修改), in the order offered.</summary>
    public static IReadOnlyList<CounterChangeKind> Modifications { get; } =
        [CounterChangeKind.ReservedPhone, CounterChangeKind.AccountInformation, CounterChangeKind.ManualRealNameVerification, CounterChangeKind.CloseAccount];

    private static readonly CounterChangeKind[] OrganisationModifications =
        [CounterChangeKind.ReservedPhone, CounterChangeKind.AccountInformation, CounterChangeKind.ManualRealNameVerification, CounterChangeKind.OrganisationAdministrator, CounterChangeKind.CloseAccount];

    /// <summary>The changes offered for an account: an organisation's also include 设定单位管理员.</summary>
    public static IReadOnlyList<CounterChangeKind> ModificationsFor(bool legalEntity) =>
        legalEntity ? OrganisationModifications : Modifications;

    public static string DisplayName(this CounterChangeKind kind) => kind switch
    {
        CounterChangeKind.ReservedPhone => "修改预留手机号",
        CounterChangeKind.AccountInformation => "更正账号信息",
        CounterChangeKind.ManualRealNameVerification => "人工实名核验",
        CounterChangeKind.Registration => "代为注册账号",
        CounterChangeKind.OrganisationAdministrator => "设定单位管理员",
        CounterChangeKind.CloseAccount => "注销账号",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string DisplayName(this CounterRequestStatus status) => status switch
    {
        CounterRequestStatus.Draft => "草稿",
        CounterRequestStatus.Submitted => "待审核",
        CounterRequestStatus.Approved => "已批准",
        CounterRequestStatus.Rejected => "已驳回",
        CounterRequestStatus.Applied => "已生效",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    /// <summary>The materials table's user type for a 法人类型; null for the two types the table has no row for.</summary>
    public static CounterUserType? UserType(this Accounts.LegalEntityType type) => type switch
    {
        Accounts.LegalEntityType.Enterprise => CounterUserType.Enterprise,
        Accounts.LegalEntityType.EnterpriseBranch => CounterUserType.EnterpriseBranch,
        Accounts.LegalEntityType.PublicInstitution => CounterUserType.PublicInstitution,
        Accounts.LegalEntityType.PrivateNonEnterprise => CounterUserType.PrivateNonEnterprise,
        _ => null,
    };

    /// <summary>Registration is 用户注册; every other change is 信息修改.</summary>
    public static CounterOperation Operation(this CounterChangeKind kind) =>
        kind == CounterChangeKind.Registration ? CounterOperation.Register : CounterOperation.Modify;
}
