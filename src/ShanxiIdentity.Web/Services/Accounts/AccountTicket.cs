using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Carries an account between the steps of a form without a server session: the account id,
/// protected by Data Protection (keys in the database, so any instance reads it) for a while.
/// </summary>
public abstract class AccountTicket(IDataProtectionProvider protection, string purpose, TimeSpan lifetime)
{
    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector(purpose).ToTimeLimitedDataProtector();

    public string Issue(Guid accountId) => _protector.Protect(accountId.ToString("N", CultureInfo.InvariantCulture), lifetime);

    public Guid? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            return Guid.TryParseExact(_protector.Unprotect(ticket), "N", out var id) ? id : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>Between the steps of 忘记密码: 15 minutes.</summary>
public sealed class PasswordResetTicket(IDataProtectionProvider protection)
    : AccountTicket(protection, "ShanxiIdentity.PasswordReset", Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);
}

/// <summary>A staff member whose password was right, on the way to the authenticator code: 5 minutes.</summary>
public sealed class StaffSignInTicket(IDataProtectionProvider protection)
    : AccountTicket(protection, "ShanxiIdentity.StaffSignIn", Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
}
