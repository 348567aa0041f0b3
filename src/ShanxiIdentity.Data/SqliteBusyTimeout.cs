using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ShanxiIdentity.Data;

/// <summary>
/// Lets SQLite itself wait for another connection's write (sqlite3_busy_timeout, backing off from
/// 1 ms) instead of Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms on every busy answer
/// (dotnet/efcore#36658): under a login storm two writes collided every few logins and each
/// collision added 150 ms or more to a login. The wait is bounded by the connection's command timeout.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    public static readonly SqliteBusyTimeout Instance = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle } sqlite)
        {
            SQLitePCL.raw.sqlite3_busy_timeout(handle, sqlite.DefaultTimeout * 1000);
        }
    }
}
