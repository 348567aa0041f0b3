using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>The fault a test injects: not transient, so no execution strategy retries it.</summary>
public sealed class InjectedFaultException(string message) : Exception(message)
{
    public InjectedFaultException()
        : this("injected fault")
    {
    }

    public InjectedFaultException(string message, Exception inner)
        : this(message + ": " + inner?.Message)
    {
    }
}

/// <summary>
/// Fails one statement of the portal's database traffic, once, after the server has run it (as if
/// the connection broke before its answer arrived): what the transaction around it must undo.
/// </summary>
public sealed class FaultInjector : DbCommandInterceptor
{
    private Func<DbCommand, bool>? _when;
    private bool _transient;

    public bool Fired { get; private set; }

    /// <summary>The insert of the audit row of <paramref name="action"/>.</summary>
    public void FailAuditRow(string action, bool transient = false) => Arm(
        command => command.CommandText.Contains("INSERT INTO \"AuditEntries\"", StringComparison.Ordinal)
            && command.Parameters.Cast<DbParameter>().Any(p => Equals(p.Value, action)),
        transient);

    /// <param name="transient">A fault PostgreSQL's execution strategy would retry (a timeout on the wire) instead of one it passes on.</param>
    public void Arm(Func<DbCommand, bool> when, bool transient = false)
    {
        Fired = false;
        _transient = transient;
        Volatile.Write(ref _when, when);
    }

    public void Disarm() => Volatile.Write(ref _when, null);

    /// <summary>
    /// The statements the portal sends while <paramref name="action"/> runs, of those
    /// <paramref name="counted"/> keeps (the background workers share the database), in order.
    /// Nothing fails: this counts a request's database work.
    /// </summary>
    public async Task<(T Result, List<string> Statements)> RecordAsync<T>(Func<DbCommand, bool> counted, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(counted);
        ArgumentNullException.ThrowIfNull(action);
        var statements = new List<string>();
        Arm(command =>
        {
            if (counted(command))
            {
                lock (statements)
                {
                    statements.Add(command.CommandText);
                }
            }

            return false;
        });
        try
        {
            var result = await action();
            lock (statements)
            {
                return (result, [.. statements]);
            }
        }
        finally
        {
            Disarm();
        }
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Fires(command))
        {
            result.Dispose();
            throw Fault(command);
        }

        return result;
    }

    public override async ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Fires(command))
        {
            await result.DisposeAsync();
            throw Fault(command);
        }

        return result;
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) =>
        Fires(command) ? throw Fault(command) : result;

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Fires(command) ? throw Fault(command) : ValueTask.FromResult(result);

    private Exception Fault(DbCommand command) => _transient
        ? new Npgsql.NpgsqlException("injected transient fault after: " + command.CommandText, new TimeoutException())
        : new InjectedFaultException("injected after: " + command.CommandText);

    private bool Fires(DbCommand command)
    {
        var when = Volatile.Read(ref _when);
        if (when is null || !when(command) || Interlocked.CompareExchange(ref _when, null, when) != when)
        {
            return false;
        }

        Fired = true;
        return true;
    }
}

/// <summary>A portal whose database statements a test can make fail.</summary>
public interface IFaultyPortal
{
    FaultInjector Faults { get; }
}

/// <summary>The portal with a <see cref="FaultInjector"/> on every context of its pool.</summary>
public static class FaultyPortal
{
    public static void AddFaults(IWebHostBuilder builder, FaultInjector faults) =>
        builder.ConfigureTestServices(services => services.ConfigureDbContext<PortalDbContext>(options => options.AddInterceptors(faults)));
}

public sealed class FaultySqlitePortalFactory : SqlitePortalFactory, IFaultyPortal
{
    public FaultInjector Faults { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) => FaultyPortal.AddFaults(builder, Faults);
}

public sealed class FaultyPostgreSqlPortalFactory : PostgreSqlPortalFactory, IFaultyPortal
{
    public FaultInjector Faults { get; } = new();

    protected override void ConfigureSettings(IWebHostBuilder builder) => FaultyPortal.AddFaults(builder, Faults);
}
