namespace ShanxiIdentity.Domain.Counter;

/// <summary>操作类型 of the materials table: 注册 or 信息修改.</summary>
public enum CounterOperation
{
    Register = 1,
    Modify = 2,
}

/// <summary>用户类型 as the materials table distinguishes them.</summary>
public enum CounterUserType
{
    Person = 1,
    Enterprise = 2,
    EnterpriseBranch = 3,
    PublicInstitution = 4,
    PrivateNonEnterprise = 5,
}

/// <summary>What the counter changes once the materials are checked.</summary>
public enum CounterChangeKind
{
    /// <summary>新的预留手机号 (the seed's question 8).</summary>
    ReservedPhone = 1,

    /// <summary>更正姓名、单位名称或法定代表人 (question 9).</summary>
    AccountInformation = 2,

    /// <summary>人工实名核验 (question 10, and legal types the registry does not manage).</summary>
    ManualRealNameVerification = 3,

    /// <summary>代为注册 a new account (question 11, or a citizen who cannot register online).</summary>
    Registration = 4,
}

public enum CounterRequestStatus
{
    Draft = 1,
    Submitted = 2,
    Approved = 3,
    Rejected = 4,
    Applied = 5,
}

/// <summary>Where a reserved phone change was made.</summary>
public enum PhoneChangeChannel
{
    Registration = 1,
    Online = 2,
    Counter = 3,
}

public static class CounterNames
{
    /// <summary>The changes a clerk can open for an existing account (信息修改), in the order offered.</summary>
    public static IReadOnlyList<CounterChangeKind> Modifications { get; } =
        [CounterChangeKind.ReservedPhone, CounterChangeKind.AccountInformation, CounterChangeKind.ManualRealNameVerification];

    public static string DisplayName(this CounterChangeKind kind) => kind switch
    {
        CounterChangeKind.ReservedPhone => "修改预留手机号",
        CounterChangeKind.AccountInformation => "更正账号信息",
        CounterChangeKind.ManualRealNameVerification => "人工实名核验",
        CounterChangeKind.Registration => "代为注册账号",
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
