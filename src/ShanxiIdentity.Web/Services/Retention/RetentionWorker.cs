namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Wakes every few minutes (<c>Retention:PollSeconds</c>) and runs <see cref="RetentionRun"/>, which does the work only when a round is
/// due (<c>Retention:RunEveryMinutes</c>) and only on the instance that takes the lease.
/// </summary>
public sealed partial class RetentionWorker(RetentionRun run, RetentionSettings settings, TimeProvider clock, ILogger<RetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The first ask waits too, so starting the portal does no deleting work.
                await Task.Delay(settings.Poll, clock, stoppingToken).ConfigureAwait(false);
                await run.RunIfDueAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception ex)
            {
                // A database outage: the lease runs out and any instance tries again at its next poll.
                LogFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3604, Level = LogLevel.Warning, Message = "A retention round failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
