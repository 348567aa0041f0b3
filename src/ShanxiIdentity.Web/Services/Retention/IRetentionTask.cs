namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// One kind of data the retention job (<c>RetentionWorker</c>) deletes or anonymises once it is due:
/// delivered SMS, spent captchas, closed accounts past their cooling-off, expired exports… Registered
/// as scoped services; the job runs each in its own scope, one instance at a time across the cluster.
/// </summary>
public interface IRetentionTask
{
    /// <summary>The task's name in logs, in the retention run's audit row and in docs/operations.md.</summary>
    string Name { get; }

    /// <summary>Deletes or anonymises what is due at <paramref name="now"/>; returns how many rows it touched.</summary>
    Task<int> RunAsync(DateTime now, CancellationToken cancellationToken);
}
