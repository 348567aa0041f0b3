using Microsoft.AspNetCore.DataProtection;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Between the steps of 忘记密码: 15 minutes, bound to the security stamp, so a completed reset (a new
/// stamp) ends it: it can neither send more codes nor reset again.
/// </summary>
public sealed class PasswordResetTicket(IDataProtectionProvider protection, TimeProvider clock)
    : AccountTicket(protection, clock, "ShanxiIdentity.PasswordReset.v3", Lifetime)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(15);

    protected override string State(Account account) => account?.SecurityStamp ?? string.Empty;
}
