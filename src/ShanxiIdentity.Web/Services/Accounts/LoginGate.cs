using Microsoft.AspNetCore.Identity;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Checks made after the password is accepted and before the sign-in, so only the account's
/// holder learns them: a legal entity awaiting counter verification, or a market-regulated one the
/// registry no longer holds (the seed's question 10).
/// </summary>
public sealed class LoginGate(IOrganisationRegistry registry, UserManager<Account> users)
{
    /// <summary>
    /// For the ways in without a password (SMS code, passkey, QR code): null unless the account is
    /// locked, then the lock's message with its end, told only to whoever proved the other factor.
    /// </summary>
    public async Task<string?> LockedOutAsync(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return await users.IsLockedOutAsync(account).ConfigureAwait(false)
            ? AccountMessages.SignInLockedOut(account.LockoutEnd is { } end ? ChinaTime.ToMinute(end) : string.Empty)
            : null;
    }

    /// <summary>Null to let the account in; otherwise why not.</summary>
    public async Task<string?> RefusalAsync(Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.LegalEntity is not { } organisation)
        {
            return null;
        }

        if (organisation.RealNameVerifiedAt is null)
        {
            return AccountMessages.AwaitingCounterVerification;
        }

        // Verified at the counter against the licence: the registry's answer no longer decides.
        if (organisation.Type.IsMarketRegulated() && !organisation.VerifiedAtCounter)
        {
            // An unavailable registry does not lock organisations out; a definite "not held" does.
            var answer = await registry.LookUpAsync(organisation.CreditCode, cancellationToken).ConfigureAwait(false);
            if (answer.Outcome == RegistryOutcome.NotFound)
            {
                return SeedMessages.RegistryHasNoRecord;
            }
        }

        return null;
    }
}
