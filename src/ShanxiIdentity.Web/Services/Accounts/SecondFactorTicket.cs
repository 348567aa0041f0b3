using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A person or organisation whose password was right, on the way to the second factor (两步验证):
/// the staff ticket's pattern — 5 minutes, bound to the account's last used authenticator step,
/// which every completed second factor moves on (<see cref="AuthenticatorCodes.AdvanceAsync"/>), so
/// the ticket is single use; and to the security stamp, so a password reset (or any change that ends
/// the account's sessions) also ends the sign-ins begun with the old password.
/// </summary>
public sealed class SecondFactorTicket(IDataProtectionProvider protection, TimeProvider clock)
    : AccountTicket(protection, clock, "ShanxiIdentity.SecondFactor.v2", Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    protected override string State(Account account) =>
        account?.LastAuthenticatorStep?.ToString(CultureInfo.InvariantCulture) + "|" + account?.SecurityStamp;
}
