using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// One round of the retention job: when due and this instance holds the lease, every
/// <see cref="IRetentionTask"/> runs in a scope of its own (one failing does not stop the others), then
/// one audit row says what each deleted.
/// </summary>
public sealed partial class RetentionRun(IServiceScopeFactory scopes, TimeProvider clock, RetentionSettings settings, ILogger<RetentionRun> logger)
{
    public const string LeaseName = "retention";

    /// <summary>This instance's name on the lease: machine, process and a per-start id.</summary>
    private readonly string _holder = Clip($"{Guid.NewGuid():N}/{Environment.ProcessId}/{Environment.MachineName}");

    /// <summary>The counts of one round (task name → rows), or null when another instance holds the lease or the round is not due.</summary>
    public async Task<IReadOnlyDictionary<string, int>?> RunIfDueAsync(CancellationToken cancellationToken)
    {
        await using var leaseScope = scopes.CreateAsyncScope();
        var leases = leaseScope.ServiceProvider.GetRequiredService<JobLeases>();
        if (!await leases.TryTakeAsync(LeaseName, _holder, settings.RunEvery, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in TaskNames(leaseScope.ServiceProvider))
        {
            counts[name] = await RunTaskAsync(name, now, cancellationToken).ConfigureAwait(false);
            if (!await leases.RenewAsync(LeaseName, _holder, cancellationToken).ConfigureAwait(false))
            {
                LogLeaseLost(logger);
                return counts;
            }
        }

        await RecordAsync(leaseScope.ServiceProvider, counts, cancellationToken).ConfigureAwait(false);
        await leases.CompleteAsync(LeaseName, _holder, cancellationToken).ConfigureAwait(false);
        return counts;
    }

    private static List<string> TaskNames(IServiceProvider services) =>
        services.GetServices<IRetentionTask>().Select(t => t.Name).ToList();

    private async Task<int> RunTaskAsync(string name, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var task = scope.ServiceProvider.GetServices<IRetentionTask>().Single(t => t.Name == name);
            var count = await task.RunAsync(now, cancellationToken).ConfigureAwait(false);
            LogTask(logger, name, count);
            return count;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A database outage or a full archive disk: this task again at the next round, the others now.
            LogTaskFailed(logger, name, ex);
            return -1;
        }
    }

    /// <summary>The round's audit row (when it deleted anything): what was removed is itself on record.</summary>
    private static async Task RecordAsync(IServiceProvider services, Dictionary<string, int> counts, CancellationToken cancellationToken)
    {
        if (counts.Values.All(c => c == 0))
        {
            return;
        }

        var detail = string.Join(", ", counts.Select(c => c.Value < 0 ? $"{c.Key}=failed" : $"{c.Key}={c.Value}"));
        await services.GetRequiredService<AuditLog>().WriteAsync(AuditAction.RetentionRun, subject: null, detail: detail, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string Clip(string text) => text.Length <= 128 ? text : text[..128];

    [LoggerMessage(EventId = 3601, Level = LogLevel.Information, Message = "Retention task {Task} removed {Count} rows")]
    private static partial void LogTask(ILogger logger, string task, int count);

    [LoggerMessage(EventId = 3602, Level = LogLevel.Warning, Message = "Retention task {Task} failed; it runs again at the next round")]
    private static partial void LogTaskFailed(ILogger logger, string task, Exception exception);

    [LoggerMessage(EventId = 3603, Level = LogLevel.Warning, Message = "The retention lease was taken over by another instance; this round stops")]
    private static partial void LogLeaseLost(ILogger logger);
}
