using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Sms;

/// <summary>
/// Delivers what is due in the outbox. It claims a batch with a lease (a conditional UPDATE: of
/// several instances reading the same rows, the database lets exactly one claim each), sends only
/// the messages it claimed, each through the gateway under the per-try policy (quick retries with a
/// timeout per call), and saves the outcome while it still holds the claim: delivered (its text
/// cleared), due again after twice the last wait, or given up (a code past its lifetime). One drain
/// at a time in an instance: the worker's and a test's never overlap.
/// </summary>
public sealed partial class SmsDelivery(
    IServiceScopeFactory scopes,
    ResiliencePipelineProvider<string> pipelines,
    IOptions<SmsDeliveryOptions> options,
    TimeProvider clock,
    ILogger<SmsDelivery> logger) : Infrastructure.OutboxDelivery
{
    public const string PipelineName = "sms-delivery";


    private SmsDeliveryOptions Settings => options.Value;

    protected override int BatchSize => Settings.BatchSize;


    protected override async Task<(int Delivered, int Claimed)> DeliverBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var mine = await ClaimAsync(db, cancellationToken).ConfigureAwait(false);
        var delivered = 0;
        if (mine.Count == 0)
        {
            return (0, 0);
        }

        var gateway = scope.ServiceProvider.GetRequiredService<ISmsGateway>();
        var leaseUntil = mine[0].LeaseUntil!.Value;
        foreach (var message in mine)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            if (message.DiscardAfter <= now)
            {
                message.Expired();
            }
            else if (leaseUntil - now < Settings.TryBudget)
            {
                // Not enough of the claim left for a try: another instance may take the message after it.
                message.Release();
            }
            else if (await SendAsync(gateway, message, cancellationToken).ConfigureAwait(false) is { } error)
            {
                LogFailed(logger, message.Id, error);
                message.Failed(clock.GetUtcNow().UtcDateTime, error, Settings.FirstWait, Settings.LongestWait);
            }
            else
            {
                message.Delivered(clock.GetUtcNow().UtcDateTime);
                delivered++;
            }

            // One message at a time: an instance that stops mid-batch sends again at most the one in hand.
            await SaveOutcomeAsync(db, message, cancellationToken).ConfigureAwait(false);
        }

        return (delivered, mine.Count);
    }

    /// <summary>The due messages this drain claimed: the UPDATE repeats the condition, so a row claimed meanwhile is left alone.</summary>
    private async Task<List<SmsMessage>> ClaimAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.SmsOutbox.Where(m => m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt).Select(m => m.Id).Take(Settings.BatchSize)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return [];
        }

        var claim = $"{Instance}:{Guid.NewGuid():N}";
        var leaseUntil = now + Settings.Lease;
        await db.SmsOutbox.Where(m => due.Contains(m.Id) && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(m => m.ClaimedBy, claim).SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken).ConfigureAwait(false);
        var claimed = await db.SmsOutbox.Where(m => m.ClaimedBy == claim).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken).ConfigureAwait(false);

        // Read one by one: a row the portal cannot decrypt would otherwise fail the whole batch at every lease.
        var mine = new List<SmsMessage>(claimed.Count);
        foreach (var id in claimed)
        {
            try
            {
                mine.Add(await db.SmsOutbox.SingleAsync(m => m.Id == id, cancellationToken).ConfigureAwait(false));
            }
            catch (Exception ex) when (Unreadable(ex))
            {
                await GiveUpUnreadableAsync(db, id, claim, cancellationToken).ConfigureAwait(false);
            }
        }

        return mine;
    }

    private static bool Unreadable(Exception exception) =>
        ExceptionChain.Any(exception, current => current is System.Security.Cryptography.CryptographicException);

    /// <summary>Written around the portal, or under a key it no longer holds: never sent, never tried again.</summary>
    private async Task GiveUpUnreadableAsync(PortalDbContext db, long id, string claim, CancellationToken cancellationToken)
    {
        LogUnreadable(logger, id);
        await db.SmsOutbox.Where(m => m.Id == id && m.ClaimedBy == claim).ExecuteUpdateAsync(
            set => set.SetProperty(m => m.Text, (string?)null).SetProperty(m => m.NextAttemptAt, (DateTime?)null)
                .SetProperty(m => m.DeliveryError, "unreadable: the row cannot be decrypted")
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.LeaseUntil, (DateTime?)null),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Null when the gateway accepted the message, else why not.</summary>
    private async Task<string?> SendAsync(ISmsGateway gateway, SmsMessage message, CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetPipeline<bool>(PipelineName);
        try
        {
            var accepted = await pipeline.ExecuteAsync(
                static async (state, token) => await state.gateway.DeliverAsync(state.message.Phone, state.message.Text!, token).ConfigureAwait(false),
                (gateway, message),
                cancellationToken).ConfigureAwait(false);
            return accepted ? null : "the gateway did not accept the message";
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return $"{ex.GetType().Name}: {ex.Message}";
        }
    }

    private async Task SaveOutcomeAsync(PortalDbContext db, SmsMessage message, CancellationToken cancellationToken)
    {
        try
        {
            // Saved even when stopping: a message sent must not stay claimed and be sent again.
            await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The claim ran out and another instance took the message: its outcome stands.
            LogClaimLost(logger, message.Id);
            db.Entry(message).State = EntityState.Detached;
        }

        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>What a try of the outbox policy retries: a refusal or a failed call, never a cancellation.</summary>
    public static void ConfigurePipeline(ResiliencePipelineBuilder<bool> pipeline, SmsDeliveryOptions settings)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        ArgumentNullException.ThrowIfNull(settings);
        pipeline
            .AddRetry(new Polly.Retry.RetryStrategyOptions<bool>
            {
                ShouldHandle = new PredicateBuilder<bool>().HandleResult(false).Handle<Exception>(ex => ex is not OperationCanceledException),
                MaxRetryAttempts = settings.QuickRetries,
                Delay = settings.QuickRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
            })
            .AddTimeout(settings.CallTimeout);
    }

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning, Message = "SMS {MessageId} not delivered, to be tried again: {Error}")]
    private static partial void LogFailed(ILogger logger, long messageId, string error);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Warning, Message = "SMS {MessageId}: the claim ran out during the send and another instance took the message")]
    private static partial void LogClaimLost(ILogger logger, long messageId);

    [LoggerMessage(EventId = 3007, Level = LogLevel.Error, Message = "SMS {MessageId} cannot be decrypted: given up, never sent")]
    private static partial void LogUnreadable(ILogger logger, long messageId);
}
