using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>
/// The desktop completes 扫码登录: only the browser holding the code's secret, only once the phone
/// confirmed and before expiry, and then as any sign-in (lockout, <see cref="LoginGate"/>). The code
/// is marked used by a conditional update in the sign-in's transaction: a second completion finds nothing.
/// </summary>
public sealed class QrSignInCompletion(
    PortalDbContext db,
    SignInManager<Account> signIn,
    LoginGate gate,
    AuditLog audit,
    TimeProvider clock)
{
    /// <summary>The audit row's detail for this way in.</summary>
    public const string AuditDetail = "扫码登录 amr=" + AuthenticationMethods.MultiChannel;

    public async Task<QrCompletionResult> CompleteAsync(string? publicId, string? secret, CancellationToken cancellationToken)
    {
        var refused = new QrCompletionResult(QrCompletionOutcome.Refused, QrSignInMessages.CompletionRefused);
        if (!QrSignIns.WellFormed(publicId) || string.IsNullOrEmpty(secret))
        {
            return refused;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.QrSignIns.AsNoTracking()
            .FirstOrDefaultAsync(q => q.PublicId == publicId && q.Status == QrSignInStatus.Confirmed && q.ExpiresAt > now, cancellationToken).ConfigureAwait(false);

        // The photographer of the code has its id but not the desktop's secret.
        if (row?.AccountId is not { } accountId
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(QrSignIns.Hash(secret)), Encoding.ASCII.GetBytes(row.SecretHash)))
        {
            return refused;
        }

        var account = await db.Users.Include(a => a.LegalEntity).FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        if (account is null || account.Kind == AccountKind.Staff)
        {
            return refused;
        }

        if (await gate.LockedOutAsync(account).ConfigureAwait(false) is { } locked)
        {
            return new QrCompletionResult(QrCompletionOutcome.LockedOut, locked, account);
        }

        if (await gate.RefusalAsync(account, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return new QrCompletionResult(QrCompletionOutcome.Gate, refusal, account);
        }

        var used = await audit.CommitAsync(
            async () =>
            {
                var taken = await db.QrSignIns.Where(q => q.Id == row.Id && q.Status == QrSignInStatus.Confirmed && q.ExpiresAt > now)
                    .ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QrSignInStatus.Used).SetProperty(q => q.UsedAt, now), cancellationToken).ConfigureAwait(false) == 1;
                if (taken)
                {
                    await signIn.SignInWithClaimsAsync(account, isPersistent: false, SignInMethods.Claims([AuthenticationMethods.MultiChannel])).ConfigureAwait(false);
                    audit.Record(AuditAction.SignedIn, account.Id, detail: AuditDetail);
                }

                return taken;
            },
            taken => taken,
            cancellationToken).ConfigureAwait(false);
        return used ? new QrCompletionResult(QrCompletionOutcome.SignedIn, Account: account) : refused;
    }
}
