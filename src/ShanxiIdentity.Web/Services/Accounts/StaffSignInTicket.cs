using System.Globalization;
using Microsoft.AspNetCore.DataProtection;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// A staff member whose password was right, on the way to the authenticator code: 5 minutes, bound to
/// the account's last used authenticator step, so the sign-in it completes (or any other, which moves
/// the step on) spends it.
/// </summary>
public sealed class StaffSignInTicket(IDataProtectionProvider protection, TimeProvider clock)
    : AccountTicket(protection, clock, "ShanxiIdentity.StaffSignIn.v4", Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    protected override string State(Account account) =>
        account?.LastAuthenticatorStep?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
}
