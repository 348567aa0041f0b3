using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>An account as staff see it.</summary>
public sealed record AccountCard(Account Account, bool Revealed, IReadOnlyList<CounterRequest> Requests)
{
    public string Show(string? value, Func<string, string> mask) => Masking.Show(Revealed, value, mask);

    public string KindName => Account.Kind.DisplayName();

    public CounterUserType? UserType => Account.LegalEntity is { } organisation ? organisation.Type.UserType() : CounterUserType.Person;
}
