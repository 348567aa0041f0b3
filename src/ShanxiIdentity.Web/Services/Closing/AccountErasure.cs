using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Domain.Sms;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.BackChannel;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Services.Closing;

/// <summary>
/// Closes one account whose cooling-off has ended, in one transaction: every personal row goes
/// (profile, reserved-phone history, sign-in history, QR codes, passkeys, authenticator key and
/// recovery codes, consents and tokens, 经办人 authorisations — ended first, audited) and the
/// account row stays as a pseudonymous tombstone: no name, identifier, phone, e-mail or password,
/// so that the ID number, credit code and login name are free again while audit rows still point
/// somewhere. The account's concurrency stamp, read in the transaction, makes a cancellation that
/// races it win or lose as a whole.
/// </summary>
public sealed class AccountErasure(PortalDbContext db, AuditLog audit, SmsOutbox outbox, AuditScrubber scrubber, BackChannelLogouts logouts)
{
    /// <summary>The tombstone's login name: derived from the account's random id, which audit rows already hold.</summary>
    public const string TombstonePrefix = "closed-";

    /// <summary>True when the account was closed; false when it was not due at <paramref name="now"/> (cancelled meanwhile, or closed already).</summary>
    public async Task<bool> EraseAsync(Guid accountId, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            var closed = await audit.CommitAsync(() => EraseInTransactionAsync(accountId, now, cancellationToken), closed => closed, cancellationToken).ConfigureAwait(false);
            if (closed)
            {
                logouts.Ring();
            }

            return closed;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Cancelled (or closed by another instance) while this ran: nothing of it was written.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    private async Task<bool> EraseInTransactionAsync(Guid accountId, DateTime now, CancellationToken cancellationToken)
    {
        var account = await db.Users.SingleOrDefaultAsync(a => a.Id == accountId, cancellationToken).ConfigureAwait(false);
        if (account is null || account.IsClosed || !ClosingRules.IsDue(account.ClosingDueAt, now))
        {
            return false;
        }

        // The account row first: its concurrency stamp settles a race with 撤销注销 before anything else is touched.
        var phone = account.PhoneNumber;
        Tombstone(account, now);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);

        // Client systems are told (back-channel logout) while the consents and tokens that name them still exist.
        await logouts.QueueForAccountAsync(accountId, BackChannelLogoutReasons.AccountClosed, cancellationToken).ConfigureAwait(false);
        await EndAuthorizationsAsync(accountId, cancellationToken).ConfigureAwait(false);
        await DeletePersonalRowsAsync(accountId, phone, cancellationToken).ConfigureAwait(false);
        await scrubber.ScrubAsync(accountId, cancellationToken).ConfigureAwait(false);

        audit.Record(AuditAction.Closed, accountId, actor: null, ClosingMessages.AuditClosed);
        if (phone is not null)
        {
            outbox.Add(phone, SmsMessages.AccountClosed, SmsPurpose.ClosingNotice);
        }

        return true;
    }

    /// <summary>Status closed; nothing that names, reaches or lets anyone in.</summary>
    private static void Tombstone(Account account, DateTime now)
    {
        var name = TombstonePrefix + account.Id.ToString("N");
        account.ClosedAt = now;
        account.ClosingRequestedAt = null;
        account.UserName = name;
        account.NormalizedUserName = name.ToUpperInvariant();
        account.Email = null;
        account.NormalizedEmail = null;
        account.EmailConfirmed = false;
        account.PhoneNumber = null;
        account.PhoneNumberConfirmed = false;
        account.PasswordHash = null;
        account.TwoFactorEnabled = false;
        account.LockoutEnabled = true;
        account.LockoutEnd = DateTimeOffset.MaxValue;
        account.AccessFailedCount = 0;
        account.FailedAccessWindowStart = null;
        account.LastAuthenticatorStep = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        account.ConcurrencyStamp = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// 经办人 authorisations, the person's and (already ended, as closing required) the organisation's:
    /// an open one is ended with an audit row naming only its id, then every row goes.
    /// </summary>
    private async Task EndAuthorizationsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var rows = await db.AgentAuthorizations
            .Where(a => a.PersonAccountId == accountId || a.OrganisationAccountId == accountId)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Where(a => a.Status is Domain.Agents.AgentAuthorizationStatus.Invited or Domain.Agents.AgentAuthorizationStatus.Accepted))
        {
            audit.Record(AuditAction.AgentEndedByClosing, row.OrganisationAccountId, accountId, $"{ClosingMessages.AuditAgentEnded} #{row.Id:N}");
        }

        var ids = rows.Select(a => (Guid?)a.Id).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        // Another person's session may still name one of them (身份切换): back to 个人办事.
        await db.SignInSessions.Where(s => ids.Contains(s.ActingAuthorizationId))
            .ExecuteUpdateAsync(set => set.SetProperty(s => s.ActingAuthorizationId, (Guid?)null), cancellationToken).ConfigureAwait(false);
        await scrubber.ScrubAgentDetailsAsync(rows.Select(a => a.Id), cancellationToken).ConfigureAwait(false);
        db.AgentAuthorizations.RemoveRange(rows);
    }

    private async Task DeletePersonalRowsAsync(Guid accountId, string? phone, CancellationToken cancellationToken)
    {
        var subject = accountId.ToString();

        // A deleted session row refuses its cookie as an ended one does (and the stamp is new).
        await db.SignInSessions.Where(s => s.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.QrSignIns.Where(q => q.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.ReservedPhoneChanges.Where(c => c.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PersonProfiles.Where(p => p.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.LegalEntityProfiles.Where(p => p.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<IdentityUserPasskey<Guid>>().Where(p => p.UserId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PersonalDataExports.Where(e => e.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.PrivacyAcceptances.Where(a => a.AccountId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        // The authenticator key and the recovery codes are Identity's user tokens.
        await db.UserTokens.Where(t => t.UserId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.UserLogins.Where(l => l.UserId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.UserClaims.Where(c => c.UserId == accountId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        // Consents (authorizations) and the codes and refresh tokens issued under them or to the account.
        await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Subject == subject || (t.Authorization != null && t.Authorization.Subject == subject))
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject)
            .ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);

        if (phone is not null)
        {
            // Codes sent to the phone (hashed, but keyed by the number), its send throttle, and the
            // messages already delivered or given up (their text is gone; the number was all they kept).
            // Messages still due stay for the worker, the last one (AccountClosed) among them.
            var forms = PersonalData.LookupForms(phone);
            await db.SmsCodes.Where(c => forms.Contains(c.Phone)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SmsThrottles.Where(t => forms.Contains(t.Phone)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            await db.SmsOutbox.Where(m => forms.Contains(m.Phone) && m.NextAttemptAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
