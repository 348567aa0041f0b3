namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>Runs <see cref="AgentExpiry"/> every few minutes (and once at start).</summary>
public sealed partial class AgentExpiryWorker(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AgentExpiryWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var recorded = await scope.ServiceProvider.GetRequiredService<AgentExpiry>().RecordDueAsync(stoppingToken).ConfigureAwait(false);
                if (recorded > 0)
                {
                    LogExpired(logger, recorded);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database outage: try again at the next round.
                LogFailed(logger, ex);
            }

            try
            {
                await Task.Delay(Interval, clock, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Recorded {Count} expired agent authorisations")]
    private static partial void LogExpired(ILogger logger, int count);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Warning, Message = "Recording expired agent authorisations failed")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
