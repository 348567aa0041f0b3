using Npgsql;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the test script starts on loopback. Each test class gets a database of
/// its own, dropped afterwards, so classes run in parallel without seeing each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "SHANXI_TEST_POSTGRES";

    /// <summary>Whether a server is configured; without one the tests that need it are skipped (<see cref="PostgreSqlTestFramework"/>).</summary>
    public static bool Configured => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable));

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set. Run ./test.sh, which starts a throwaway PostgreSQL and sets it, "
                + "or point it at a server where the user may create databases.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database }.ConnectionString;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "shanxi_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return name;
    }

    /// <summary>
    /// Drops a test class's database. Its portal's pooled connections are closed first, so FORCE has
    /// nothing left to terminate; on a loaded machine a terminated backend can outlast the 5 s FORCE
    /// waits for it, and CI twice saw a class cleanup fail with a bare PostgresException: retried, and
    /// the last failure says its SQLSTATE.
    /// </summary>
    public static async Task DropDatabaseAsync(string name)
    {
        using (var pooled = new NpgsqlConnection(ConnectionStringFor(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
                return;
            }
            catch (PostgresException e) when (attempt < 5)
            {
                Console.Error.WriteLine($"Dropping test database {name}, attempt {attempt}: {e.SqlState} {e.MessageText}");
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
            catch (PostgresException e)
            {
                throw new InvalidOperationException($"Could not drop test database {name}: {e.SqlState} {e.MessageText}", e);
            }
        }
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
