using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>
/// Queues OpenID Connect back-channel logouts (docs/decisions/0015-pairwise-subjects.md). The rows are
/// added to the DbContext and NOT saved: the caller saves them with the change that ends the sign-in
/// (and its audit row), in one transaction. Which clients: every client system registered with a
/// back-channel logout address that holds a valid consent or token of the account (the portal does
/// not record which sessions signed in where, so a session's logout goes to all of them, with the
/// session's per-client <c>sid</c>: a client that never saw that sid has nothing to end).
/// </summary>
public sealed class BackChannelLogouts(
    PortalDbContext db,
    IOpenIddictApplicationManager applications,
    PairwiseSubjects subjects,
    BackChannelDoorbell doorbell,
    TimeProvider clock)
{
    /// <summary>Every session of the account at every client (sub only, no sid): a password reset, account closing.</summary>
    public Task<int> QueueForAccountAsync(Guid accountId, string reason, CancellationToken cancellationToken) =>
        QueueAsync(accountId, null, null, reason, cancellationToken);

    /// <summary>The client sessions born of these portal sessions (sub and each session's sid), at every client of the account.</summary>
    public Task<int> QueueForSessionsAsync(Guid accountId, IReadOnlyCollection<Guid> portalSessions, string reason, CancellationToken cancellationToken) =>
        portalSessions is { Count: > 0 } ? QueueAsync(accountId, null, portalSessions, reason, cancellationToken) : Task.FromResult(0);

    /// <summary>Every session of the account at one client (consent withdrawn); <paramref name="applicationId"/> is OpenIddict's application id.</summary>
    public Task<int> QueueForClientAsync(Guid accountId, string applicationId, string reason, CancellationToken cancellationToken) =>
        QueueAsync(accountId, applicationId, null, reason, cancellationToken);

    /// <summary>
    /// Stages the revocation of the account's consents and tokens at every client (account closing): like the rows
    /// above, saved by the caller. Codes and refresh tokens then fail at once; access tokens live out their 30 minutes
    /// at most, and userinfo refuses them (their consent is revoked).
    /// </summary>
    public async Task RevokeGrantsAsync(Guid accountId, CancellationToken cancellationToken)
    {
        var subject = accountId.ToString();
        foreach (var consent in await db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Where(a => a.Subject == subject && a.Status == Statuses.Valid).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            consent.Status = Statuses.Revoked;
        }

        foreach (var token in await db.Set<OpenIddictEntityFrameworkCoreToken>().Where(t => t.Subject == subject && t.Status == Statuses.Valid).ToListAsync(cancellationToken).ConfigureAwait(false))
        {
            token.Status = Statuses.Revoked;
        }
    }

    /// <summary>After the caller saved: this instance's worker delivers at once rather than at its next poll.</summary>
    public void Ring() => doorbell.Ring();

    /// <summary>The deliveries to a client that were given up, newest first (the client's page in 接入系统).</summary>
    public async Task<IReadOnlyList<BackChannelLogout>> GivenUpAsync(string clientId, int take, CancellationToken cancellationToken) =>
        await db.BackChannelLogouts.AsNoTracking().Where(l => l.ClientId == clientId && l.GaveUpAt != null)
            .OrderByDescending(l => l.GaveUpAt).Take(take).ToListAsync(cancellationToken).ConfigureAwait(false);

    private async Task<int> QueueAsync(Guid accountId, string? onlyApplication, IReadOnlyCollection<Guid>? portalSessions, string reason, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var application in await ClientsOfAsync(accountId, onlyApplication, cancellationToken).ConfigureAwait(false))
        {
            if (application.ClientId is not { } clientId)
            {
                continue;
            }

            var properties = await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false);
            if (ClientProperties.BackChannelLogoutUri(properties) is null)
            {
                continue;
            }

            var subject = subjects.Subject(accountId, clientId, properties);
            foreach (var sid in portalSessions?.Select(s => subjects.SessionId(s, clientId)) ?? [null])
            {
                db.BackChannelLogouts.Add(BackChannelLogout.Queue(clientId, subject, sid, reason, now));
                queued++;
            }
        }

        return queued;
    }

    /// <summary>
    /// The applications holding a valid consent or token (code, refresh token) of the account, in one
    /// query: a sign-out waits for it, however many client systems the person uses.
    /// </summary>
    private async Task<List<OpenIddictEntityFrameworkCoreApplication>> ClientsOfAsync(Guid accountId, string? onlyApplication, CancellationToken cancellationToken)
    {
        var subject = accountId.ToString();
        var candidates = db.Set<OpenIddictEntityFrameworkCoreApplication>().AsNoTracking();
        return await (onlyApplication is { } one
                ? candidates.Where(a => a.Id == one)
                : candidates.Where(a =>
                    db.Set<OpenIddictEntityFrameworkCoreAuthorization>().Any(z => z.Application == a && z.Subject == subject && z.Status == Statuses.Valid)
                    || db.Set<OpenIddictEntityFrameworkCoreToken>().Any(t => t.Application == a && t.Subject == subject && t.Status == Statuses.Valid)))
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
