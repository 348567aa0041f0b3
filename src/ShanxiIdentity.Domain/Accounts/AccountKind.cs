namespace ShanxiIdentity.Domain.Accounts;

/// <summary>Which of the portal's three kinds of user an account belongs to.</summary>
public enum AccountKind
{
    /// <summary>自然人 / 个人账号.</summary>
    Person = 1,

    /// <summary>法人账号.</summary>
    LegalEntity = 2,

    /// <summary>政务大厅窗口人员.</summary>
    Staff = 3,
}
