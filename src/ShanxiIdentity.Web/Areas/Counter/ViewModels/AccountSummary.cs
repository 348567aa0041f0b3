using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.ViewModels;

/// <summary>The account a request is about, in one line: its name and its identifier as shown (masked unless revealed).</summary>
public sealed record AccountSummary(Guid Id, string Name, string Identifier, LegalEntityType? LegalEntityType)
{
    public bool IsLegalEntity => LegalEntityType is not null;

    /// <summary>The materials table's user type the account fits; null for a legal type the table has no row for.</summary>
    public CounterUserType? UserType => LegalEntityType is { } type ? type.UserType() : CounterUserType.Person;
}
