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

/// <summary>
/// A staff member whose password was right, on the way to the authenticator code: 5 minutes, and
/// single use. It carries the account's last used authenticator step, and the code step accepts it
/// only while that step is unchanged: the sign-in it completes (or any other) moves the step on,
/// which spends every ticket issued before.
/// </summary>
public sealed class StaffSignInTicket(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ShanxiIdentity.StaffSignIn.v2").ToTimeLimitedDataProtector();

    public string Issue(Guid accountId, long? lastAuthenticatorStep) =>
        _protector.Protect(accountId.ToString("N", CultureInfo.InvariantCulture) + "|" + lastAuthenticatorStep?.ToString(CultureInfo.InvariantCulture), Lifetime);

    public (Guid AccountId, long? LastAuthenticatorStep)? Read(string? ticket)
    {
        if (string.IsNullOrEmpty(ticket))
        {
            return null;
        }

        try
        {
            var parts = _protector.Unprotect(ticket).Split('|');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var id))
            {
                return null;
            }

            return parts[1].Length == 0 ? (id, null)
                : long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var step) ? (id, step) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
