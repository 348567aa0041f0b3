namespace ShanxiIdentity.Domain.Counter;

/// <summary>用户类型 as the materials table distinguishes them.</summary>
public enum CounterUserType
{
    Person = 1,
    Enterprise = 2,
    EnterpriseBranch = 3,
    PublicInstitution = 4,
    PrivateNonEnterprise = 5,
}
