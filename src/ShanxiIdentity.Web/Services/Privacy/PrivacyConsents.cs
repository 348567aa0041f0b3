using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Privacy;

/// <summary>
/// Acceptances of the 隐私政策: at registration (with the 用户协议, in the registration's transaction)
/// and after a new version (the gate's page). Each is a row (version, time) and an audit row.
/// </summary>
public sealed class PrivacyConsents(PortalDbContext db, PrivacyPolicyBook book, AuditLog audit, TimeProvider clock)
{
    /// <summary>Stages the acceptance of the current version by a new account (its registration saves it with its own audit row).</summary>
    public void StageAtRegistration(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        Stage(account, book.Current.Version);
    }

    /// <summary>
    /// The signed-in holder accepts <paramref name="shownVersion"/>: false when it is no longer the
    /// current one (a newer was published while the page was open), and nothing is recorded.
    /// </summary>
    public async Task<bool> AcceptAsync(Guid accountId, string? shownVersion, CancellationToken cancellationToken)
    {
        var current = book.Current.Version;
        if (shownVersion != current)
        {
            return false;
        }

        var account = await db.Users.SingleAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        if (account.PrivacyVersion == current)
        {
            return true;
        }

        await audit.CommitAsync(
            () =>
            {
                Stage(account, current);
                return Task.CompletedTask;
            },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>The account's acceptances, newest first (下载我的信息).</summary>
    public Task<List<PrivacyAcceptance>> HistoryAsync(Guid accountId, CancellationToken cancellationToken) =>
        db.PrivacyAcceptances.AsNoTracking().Where(a => a.AccountId == accountId).OrderByDescending(a => a.AcceptedAt).ToListAsync(cancellationToken);

    private void Stage(Account account, string version)
    {
        account.PrivacyVersion = version;
        db.PrivacyAcceptances.Add(new PrivacyAcceptance { AccountId = account.Id, Version = version, AcceptedAt = clock.GetUtcNow().UtcDateTime });
        audit.Record(AuditAction.PrivacyPolicyAccepted, account.Id, detail: "版本 " + version);
    }
}
