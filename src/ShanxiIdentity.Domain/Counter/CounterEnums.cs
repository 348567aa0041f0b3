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
    ReservedPhone = 1,
    AccountInformation = 2,
    ManualRealNameVerification = 3,
    RegisterUnmanagedOrganisation = 4,
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
