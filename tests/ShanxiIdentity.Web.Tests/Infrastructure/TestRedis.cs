using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway redis-server of a test's own (Debian's package; test.sh installs it): loopback only,
/// on a free port, nothing written to disk, shut down by the test that started it.
/// </summary>
public sealed class TestRedis : IAsyncDisposable
{
    private readonly string _work;

    private TestRedis(string work, int port)
    {
        _work = work;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<TestRedis> StartAsync()
    {
        var work = Directory.CreateTempSubdirectory("shanxi-redis-").FullName;
        var port = FreePort();
        await RunAsync("redis-server", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", string.Empty, "--appendonly", "no", "--daemonize", "yes", "--dir", work,
            "--pidfile", Path.Combine(work, "redis.pid"), "--logfile", Path.Combine(work, "redis.log"));
        var redis = new TestRedis(work, port);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await redis.CliAsync("ping")).Trim() == "PONG")
            {
                return redis;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("redis-server did not answer on port " + port);
    }

    /// <summary>A port nothing listens on: a Redis that is down.</summary>
    public static string Unreachable() => $"127.0.0.1:{FreePort()}";

    public Task<string> CliAsync(params string[] args) =>
        RunAsync("redis-cli", ["-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. args], check: false);

    public async ValueTask DisposeAsync()
    {
        await CliAsync("shutdown", "nosave");
        try
        {
            Directory.Delete(_work, recursive: true);
        }
        catch (IOException)
        {
            // The server may still be closing its log file.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, string[] args, bool check = true)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} failed: {await error}");
        }

        return await output;
    }

    private static Task<string> RunAsync(string file, params string[] args) => RunAsync(file, args, check: true);
}
