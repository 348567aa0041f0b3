using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace ShanxiIdentity.Data;

/// <summary>Checks that the database answers and brings its schema up to date.</summary>
public sealed partial class DatabaseMigrator(PortalDbContext db, DatabaseSettings settings, ILogger<DatabaseMigrator> logger)
{
    /// <summary>Opens a connection; fails with a message naming the connection setting when that is impossible.</summary>
    public async Task EnsureReachableAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            throw Unreachable(ex);
        }
    }

    /// <summary>
    /// Applies the pending migrations of the configured provider; returns the migrations now applied.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken).ConfigureAwait(false)).ToList();
            if (pending.Count > 0)
            {
                // Not called on an up-to-date database: it compares the model with the migrations'
                // snapshot and takes the migration lock, a good part of every start-up.
                await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
            }

            if (settings.Provider == DatabaseProvider.Sqlite)
            {
                // Write-ahead log (kept in the file once set): readers no longer wait for a writer and a
                // commit is one fsync instead of the rollback journal's several. Token grants write on
                // every refresh; without it concurrent requests queued behind each commit.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
            }

            var applied = db.Database.GetMigrations().ToList();
            var latest = applied.Count > 0 ? applied[^1] : null;
            LogMigrated(logger, settings.Provider, applied.Count, latest);
            return applied;
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            throw Unreachable(ex);
        }
    }

    // Provider exceptions all derive from DbException; retrying strategies wrap them.
    private static bool IsConnectionFailure(Exception ex) =>
        ex is DbException or InvalidOperationException { InnerException: DbException } or RetryLimitExceededException;

    private PortalConfigurationException Unreachable(Exception cause) =>
        new(
            DatabaseSettings.ConnectionStringKey,
            $"无法连接到数据库（{DatabaseSettings.ProviderKey} = {settings.Provider}），请检查连接字符串与数据库服务是否可用。",
            cause);

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "Database ({Provider}) is up to date: {Count} migration(s), latest {Latest}")]
    private static partial void LogMigrated(ILogger logger, DatabaseProvider provider, int count, string? latest);
}
