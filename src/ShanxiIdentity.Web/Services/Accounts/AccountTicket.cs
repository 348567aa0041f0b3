using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Carries an account between the steps of a form without a server session: the account id and the
/// account state the ticket was issued for, protected by Data Protection (keys in the database, so
/// any instance reads it) for a while. A ticket holds only while the account is still in that state:
/// whatever moves the state on (the step completing) spends every ticket issued before.
/// </summary>
public abstract class AccountTicket(IDataProtectionProvider protection, string purpose, TimeSpan lifetime)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    public string Issue(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return _protector.Protect(account.Id.ToString("N", CultureInfo.InvariantCulture) + "|" + State(account), lifetime);
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
            var text = _protector.Unprotect(ticket);
            var bar = text.IndexOf('|', StringComparison.Ordinal);
            return bar > 0 && Guid.TryParseExact(text[..bar], "N", out var id) ? (id, text[(bar + 1)..]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
