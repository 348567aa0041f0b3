namespace ShanxiIdentity.Domain.Accounts;

public static class AccountKinds
{
    /// <summary>The kind as staff read it on an account's card.</summary>
    public static string DisplayName(this AccountKind kind) => kind switch
    {
        AccountKind.Person => "个人账号",
        AccountKind.LegalEntity => "法人账号",
        _ => "员工账号",
    };
}
