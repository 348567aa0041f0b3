using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// Identity's EF Core store, keeping the 两步验证 secrets it would write in clear to
/// <c>AspNetUserTokens</c> out of reach of a database read: recovery codes hashed
/// (<see cref="RecoveryCodeHash"/>), the authenticator key sealed by Data Protection (the key ring
/// is in the database, itself encrypted with the personal-data key, and keeps retired keys, so a
/// sealed key stays readable across rotations). Values stored in clear before are still read.
/// </summary>
public sealed class PortalUserStore(PortalDbContext context, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<Account, IdentityRole<Guid>, PortalDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserRole<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityRoleClaim<Guid>, IdentityUserPasskey<Guid>>(context, describer)
{
    // Identity's own names for the rows it keeps the recovery codes in.
    private const string InternalLoginProvider = "[AspNetUserStore]";
    private const string RecoveryCodeTokenName = "RecoveryCodes";
    private const string SealedPrefix = "dp1:";

    private readonly IDataProtector _keys = protection.CreateProtector("ShanxiIdentity.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(Account user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, SealedPrefix + _keys.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(Account user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken).ConfigureAwait(false);
        return stored is not null && stored.StartsWith(SealedPrefix, StringComparison.Ordinal)
            ? _keys.Unprotect(stored[SealedPrefix.Length..])
            : stored;
    }

    public override Task ReplaceCodesAsync(Account user, IEnumerable<string> recoveryCodes, CancellationToken cancellationToken) =>
        base.ReplaceCodesAsync(user, recoveryCodes.Select(RecoveryCodeHash.Hash).ToList(), cancellationToken);

    public override async Task<bool> RedeemCodeAsync(Account user, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        var stored = await GetTokenAsync(user, InternalLoginProvider, RecoveryCodeTokenName, cancellationToken).ConfigureAwait(false) ?? string.Empty;
        var codes = stored.Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
        var match = codes.FindIndex(c => RecoveryCodeHash.Matches(c, code));
        if (match < 0)
        {
            return false;
        }

        codes.RemoveAt(match);
        await base.ReplaceCodesAsync(user, codes, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
