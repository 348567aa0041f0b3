using System.Globalization;
using Microsoft.AspNetCore.DataProtection;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Carries the account between the steps of 忘记密码 without a server session: the account id,
/// protected by Data Protection (keys in the database, so any instance reads it) for 15 minutes.
/// </summary>
public sealed class PasswordResetTicket(IDataProtectionProvider protection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("ShanxiIdentity.PasswordReset").ToTimeLimitedDataProtector();

    public string Issue(Guid accountId) => _protector.Protect(accountId.ToString("N", CultureInfo.InvariantCulture), Lifetime);

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
