using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Counter;

/// <summary>
/// A counter registration's identifier already held by an account, in the registration forms' words:
/// asked when the request is opened, and again to explain a race the unique index settled at approval.
/// </summary>
public static class RegistrationConflicts
{
    public static async Task<CounterRefusal?> FindAsync(this AccountLocator locator, CounterUserType userType, CounterChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(locator);
        ArgumentNullException.ThrowIfNull(change);
        var person = userType == CounterUserType.Person;
        if (person && change.IdNumber is { } idNumber && await locator.IdNumberTakenAsync(idNumber, cancellationToken).ConfigureAwait(false))
        {
            return new CounterRefusal(SeedMessages.IdNumberAlreadyCertified, "IdNumber");
        }

        if (!person && change.CreditCode is { } creditCode && await locator.CreditCodeTakenAsync(creditCode, cancellationToken).ConfigureAwait(false))
        {
            return new CounterRefusal(SeedMessages.CreditCodeAlreadyCertified, "CreditCode");
        }

        return change.LoginName is { } loginName && await locator.UserNameTakenAsync(loginName, cancellationToken).ConfigureAwait(false)
            ? new CounterRefusal(person ? AccountMessages.UserNameTaken : SeedMessages.LoginNameTaken, "LoginName")
            : null;
    }
}
