namespace ShanxiIdentity.Web.Models.Account;

public static class LoginKinds
{
    public const string Person = "person";
    public const string Legal = "legal";

    public static ShanxiIdentity.Domain.Accounts.AccountKind ToAccountKind(string? kind) =>
        kind == Legal ? ShanxiIdentity.Domain.Accounts.AccountKind.LegalEntity : ShanxiIdentity.Domain.Accounts.AccountKind.Person;
}
