using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>
/// Delivers the due logout rows, as the SMS outbox does (SmsDelivery): a batch claimed with a lease by
/// a conditional UPDATE (of several instances, exactly one claims each row), one POST per row with a
/// fresh logout token, the outcome saved while the claim holds: delivered, due again after twice the
/// last wait, or given up after <see cref="BackChannelLogoutOptions.MaxAttempts"/> tries.
/// </summary>
public sealed partial class BackChannelDelivery(
    IServiceScopeFactory scopes,
    IHttpClientFactory http,
    LogoutTokens tokens,
    IOptions<BackChannelLogoutOptions> options,
    TimeProvider clock,
    ILogger<BackChannelDelivery> logger) : Infrastructure.OutboxDelivery
{
    public const string HttpClientName = "backchannel-logout";


    private BackChannelLogoutOptions Settings => options.Value;

    protected override int BatchSize => Settings.BatchSize;


    protected override async Task<(int Delivered, int Claimed)> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var mine = await ClaimAsync(db, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        foreach (var logout in mine)
        {
            if (logout.LeaseUntil!.Value - clock.GetUtcNow().UtcDateTime < Settings.CallTimeout)
            {
                // Not enough of the claim left for a try: another instance may take the row after it.
                logout.Release();
            }
            else if (await SendAsync(applications, logout, cancellationToken).ConfigureAwait(false) is { } error)
            {
                logout.Failed(clock.GetUtcNow().UtcDateTime, error, Settings.FirstWait, Settings.LongestWait, Settings.MaxAttempts);
                if (logout.GaveUpAt is null)
                {
                    LogFailed(logger, logout.Id, logout.ClientId, error);
                }
                else
                {
                    LogGaveUp(logger, logout.Id, logout.ClientId, logout.FailedAttempts, error);
                }
            }
            else
            {
                logout.Delivered(clock.GetUtcNow().UtcDateTime);
                delivered++;
            }

            await SaveOutcomeAsync(db, logout, cancellationToken).ConfigureAwait(false);
        }

        return (delivered, mine.Count);
    }

    private async Task<List<BackChannelLogout>> ClaimAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.BackChannelLogouts.Where(l => l.NextAttemptAt <= now && (l.LeaseUntil == null || l.LeaseUntil < now))
            .OrderBy(l => l.NextAttemptAt).Select(l => l.Id).Take(Settings.BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return [];
        }

        var claim = $"{Instance}:{Guid.NewGuid():N}";
        var leaseUntil = now + Settings.Lease;
        await db.BackChannelLogouts.Where(l => due.Contains(l.Id) && l.NextAttemptAt <= now && (l.LeaseUntil == null || l.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.ClaimedBy, claim).SetProperty(l => l.LeaseUntil, leaseUntil), cancellationToken).ConfigureAwait(false);
        return await db.BackChannelLogouts.Where(l => l.ClaimedBy == claim).OrderBy(l => l.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when the client answered 2xx (the specification's 200 OK, or 204), else why not.</summary>
    private async Task<string?> SendAsync(IOpenIddictApplicationManager applications, BackChannelLogout logout, CancellationToken cancellationToken)
    {
        // The address as registered now: a client that changed it is reached at the new one.
        var application = await applications.FindByClientIdAsync(logout.ClientId, cancellationToken).ConfigureAwait(false);
        if (application is null || ClientProperties.BackChannelLogoutUri(await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false)) is not { } address)
        {
            return "the client system no longer has a back-channel logout address";
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Settings.CallTimeout);
            using var client = http.CreateClient(HttpClientName);
            using var content = new FormUrlEncodedContent([KeyValuePair.Create("logout_token", await tokens.CreateAsync(logout, cancellationToken).ConfigureAwait(false))]);
            using var response = await client.PostAsync(new Uri(address), content, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task SaveOutcomeAsync(PortalDbContext db, BackChannelLogout logout, CancellationToken cancellationToken)
    {
        try
        {
            // Saved even when stopping: a token delivered must not stay claimed and be sent again.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            LogClaimLost(logger, logout.Id);
            db.Entry(logout).State = EntityState.Detached;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    [LoggerMessage(EventId = 3501, Level = LogLevel.Warning, Message = "Back-channel logout {LogoutId} to {ClientId} not delivered, to be tried again: {Error}")]
    private static partial void LogFailed(ILogger logger, long logoutId, string clientId, string error);

    [LoggerMessage(EventId = 3502, Level = LogLevel.Error, Message = "Back-channel logout {LogoutId} to {ClientId} given up after {Attempts} tries: {Error}")]
    private static partial void LogGaveUp(ILogger logger, long logoutId, string clientId, int attempts, string error);

    [LoggerMessage(EventId = 3503, Level = LogLevel.Warning, Message = "Back-channel logout {LogoutId}: the claim ran out during the send and another instance took the row")]
    private static partial void LogClaimLost(ILogger logger, long logoutId);
}
