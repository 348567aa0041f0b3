using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Carries an account between the steps of a form without a server session: the account id and the
/// account state the ticket was issued for, protected by Data Protection (keys in the database, so
/// any instance reads it) for a while. A ticket holds only while the account is still in that state:
/// whatever moves the state on (the step completing) spends every ticket issued before.
/// The expiry is written inside the protected text and read against the portal's clock (Data
/// Protection's own time limit reads the system clock, which tests cannot move).
/// </summary>
public abstract class AccountTicket(IDataProtectionProvider protection, TimeProvider clock, string purpose, TimeSpan lifetime)
{
    private readonly IDataProtector _protector = protection.CreateProtector(purpose);

    public string Issue(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var expires = clock.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        return _protector.Protect(account.Id.ToString("N", CultureInfo.InvariantCulture) + "|" + expires + "|" + State(account));
    }

    /// <summary>The account a genuine, unexpired ticket names; check it with <see cref="Holds"/> once the account is loaded.</summary>
    public Guid? AccountId(string? ticket) => Open(ticket)?.AccountId;

    /// <summary>True while the ticket names this account in the state it was issued for.</summary>
    public bool Holds(string? ticket, Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return Open(ticket) is { } read && read.AccountId == account.Id && read.State == State(account);
    }

    /// <summary>The account state a ticket is bound to.</summary>
    protected abstract string State(Account account);

    private (Guid AccountId, string State)? Open(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('|', 3);
            return parts.Length == 3
                && Guid.TryParseExact(parts[0], "N", out var id)
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires)
                && clock.GetUtcNow().ToUnixTimeSeconds() < expires
                ? (id, parts[2])
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
