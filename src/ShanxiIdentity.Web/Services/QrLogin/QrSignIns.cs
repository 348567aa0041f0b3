using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>
/// 扫码登录's code from its creation to the phone's answer. Every change is a conditional update
/// (only from Waiting, only before expiry), so of two answers racing, exactly one is taken.
/// The desktop's completion is <see cref="QrSignInCompletion"/>.
/// </summary>
public sealed class QrSignIns(PortalDbContext db, TimeProvider clock, PlaceLookup places, AuditLog audit)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(2);

    public async Task<QrSignInCreated> CreateAsync(string? address, string? userAgent, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new QrSignInCreated(RandomToken(), RandomToken(), now + Lifetime);
        db.QrSignIns.Add(new QrSignIn
        {
            Id = Guid.NewGuid(),
            PublicId = created.PublicId,
            SecretHash = Hash(created.Secret),
            CreatedAt = now,
            ExpiresAt = created.ExpiresAt,
            RequesterAddress = address is { Length: <= 45 } ? address : null,
            RequesterUserAgent = userAgent is null ? null : new string(userAgent.Take(512).Select(c => char.IsControl(c) ? '?' : c).ToArray()),
        });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Now and then, forget codes that can open nothing (the audit rows keep what was confirmed).
        if (RandomNumberGenerator.GetInt32(50) == 0)
        {
            var old = now - TimeSpan.FromHours(1);
            await db.QrSignIns.Where(q => q.ExpiresAt < old).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    /// <summary>The desktop's poll: one read by the unique index, nothing written.</summary>
    public async Task<QrPollState> StateAsync(string? publicId, CancellationToken cancellationToken)
    {
        if (!WellFormed(publicId))
        {
            return QrPollState.Expired;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.QrSignIns.AsNoTracking().Where(q => q.PublicId == publicId)
            .Select(q => new { q.Status, q.ScannedAt, q.ExpiresAt })
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return row switch
        {
            null => QrPollState.Expired,
            { Status: QrSignInStatus.Used } => QrPollState.Expired,
            _ when row.ExpiresAt <= now => QrPollState.Expired,
            { Status: QrSignInStatus.Cancelled } => QrPollState.Cancelled,
            { Status: QrSignInStatus.Confirmed } => QrPollState.Confirmed,
            { ScannedAt: not null } => QrPollState.Scanned,
            _ => QrPollState.Waiting,
        };
    }

    /// <summary>
    /// The phone opened the code: who is asking, or null when the code can no longer be confirmed.
    /// The first opening is noted, so the desktop can say 已扫码.
    /// </summary>
    public async Task<QrRequester?> OpenAsync(string? publicId, CancellationToken cancellationToken)
    {
        var row = await LiveAsync(publicId, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            return null;
        }

        if (row.ScannedAt is null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.QrSignIns.Where(q => q.Id == row.Id && q.ScannedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(q => q.ScannedAt, now), cancellationToken).ConfigureAwait(false);
        }

        return Requester(row);
    }

    /// <summary>确认登录 by the phone's signed-in account: the change and its audit row in one transaction, once.</summary>
    public async Task<bool> ConfirmAsync(string? publicId, Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Kind == Domain.Accounts.AccountKind.Staff || await LiveAsync(publicId, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await audit.CommitAsync(
            async () =>
            {
                var taken = await db.QrSignIns.Where(q => q.Id == row.Id && q.Status == QrSignInStatus.Waiting && q.ExpiresAt > now)
                    .ExecuteUpdateAsync(
                        set => set.SetProperty(q => q.Status, QrSignInStatus.Confirmed).SetProperty(q => q.AccountId, account.Id).SetProperty(q => q.ConfirmedAt, now),
                        cancellationToken).ConfigureAwait(false) == 1;
                audit.Record(AuditAction.QrSignInConfirmed, account.Id, detail: Requester(row).AuditDetail);
                return taken;
            },
            taken => taken,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>取消 on the phone by its signed-in account: the desktop is told, the code opens nothing, and the audit row says who.</summary>
    public async Task<bool> CancelAsync(string? publicId, Account account, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (await LiveAsync(publicId, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return false;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await audit.CommitAsync(
            async () =>
            {
                var taken = await db.QrSignIns.Where(q => q.Id == row.Id && q.Status == QrSignInStatus.Waiting && q.ExpiresAt > now)
                    .ExecuteUpdateAsync(set => set.SetProperty(q => q.Status, QrSignInStatus.Cancelled), cancellationToken).ConfigureAwait(false) == 1;
                audit.Record(AuditAction.QrSignInCancelled, account.Id, detail: Requester(row).AuditDetail);
                return taken;
            },
            taken => taken,
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SHA-256, hex: the secret has 256 random bits, so no salt or slow hash is needed.</summary>
    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>The ids this class issues: 43 base64url characters. Anything else is not looked up.</summary>
    public static bool WellFormed(string? publicId) =>
        publicId is { Length: 43 } && publicId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private async Task<QrSignIn?> LiveAsync(string? publicId, CancellationToken cancellationToken)
    {
        if (!WellFormed(publicId))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.QrSignIns.AsNoTracking()
            .FirstOrDefaultAsync(q => q.PublicId == publicId && q.Status == QrSignInStatus.Waiting && q.ExpiresAt > now, cancellationToken).ConfigureAwait(false);
    }

    private QrRequester Requester(QrSignIn row) => new(
        Domain.Sessions.BrowserDescription.Describe(row.RequesterUserAgent),
        places.PlaceOf(row.RequesterAddress),
        Domain.Sessions.MaskedAddress.Of(System.Net.IPAddress.TryParse(row.RequesterAddress, out var address) ? address : null) ?? Domain.Accounts.QrSignInMessages.UnknownAddress,
        ChinaTime.Format(row.CreatedAt, "yyyy-MM-dd HH:mm:ss"));

    private static string RandomToken() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    private static string Base64UrlEncode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
