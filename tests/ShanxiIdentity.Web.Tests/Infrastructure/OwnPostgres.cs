using System.Diagnostics;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own (started by scripts/postgres.sh, like the test script's),
/// so the test can stop and restart the server without disturbing every other test.
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _work;
    private readonly string _bin;
    private readonly string _port;

    private OwnPostgres(string work, string bin, string port, string connectionString)
    {
        _work = work;
        _bin = bin;
        _port = port;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<OwnPostgres> StartAsync()
    {
        var work = Directory.CreateTempSubdirectory("shanxi-outage-").FullName;
        var output = await RunAsync("bash", "-c", $"set -e; work='{work}'; . scripts/postgres.sh >&2; echo \"$pg_bin|$pg_port|$SHANXI_PG_ADMIN\"");
        var parts = output.Trim().Split('|');
        return new OwnPostgres(work, parts[0], parts[1], parts[2]);
    }

    public Task<string> StopAsync() => PgCtlAsync("-D", Path.Combine(_work, "pgdata"), "-m", "fast", "-w", "stop");

    public Task<string> StartAgainAsync() => PgCtlAsync(
        "-D", Path.Combine(_work, "pgdata"), "-w", "-l", Path.Combine(_work, "postgres.log"),
        "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_work} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300",
        "start");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgCtlAsync("-D", Path.Combine(_work, "pgdata"), "-m", "immediate", "stop");
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_work, recursive: true);
    }

    private Task<string> PgCtlAsync(params string[] args)
    {
        var pgCtl = Path.Combine(_bin, "pg_ctl");
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", pgCtl, .. args])
            : RunAsync(pgCtl, args);
    }

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot() };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? await output
            : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ShanxiIdentity.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("ShanxiIdentity.sln");
    }
}
