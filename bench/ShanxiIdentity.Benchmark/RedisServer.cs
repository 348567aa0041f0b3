using System.Diagnostics;
using System.Globalization;

namespace ShanxiIdentity.Benchmark;

/// <summary>A throwaway redis-server (Debian's): loopback, a free port, nothing written to disk; its CPU time read from /proc.</summary>
internal sealed class RedisServer : IAsyncDisposable
{
    private readonly string _work;
    private readonly int _port;

    private RedisServer(string work, int port)
    {
        _work = work;
        _port = port;
    }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{_port}";

    public static async Task<RedisServer> StartAsync(string work)
    {
        var port = ServerProcess.FreePort();
        await RunAsync("redis-server", "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no",
            "--daemonize", "yes", "--dir", work, "--pidfile", Path.Combine(work, "redis.pid"), "--logfile", Path.Combine(work, "redis.log")).ConfigureAwait(false);
        var redis = new RedisServer(work, port);
        for (var attempt = 0; attempt < 50; attempt++)
        {
            if ((await redis.CliAsync("ping").ConfigureAwait(false)).Trim() == "PONG" && File.Exists(Path.Combine(work, "redis.pid")))
            {
                return redis;
            }

            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException("redis-server did not answer on port " + port);
    }

    public Task<string> CliAsync(params string[] args) => RunAsync("redis-cli", ["-h", "127.0.0.1", "-p", _port.ToString(CultureInfo.InvariantCulture), .. args]);

    /// <summary>CPU time redis-server has used so far (utime + stime), in ms.</summary>
    public double CpuMs()
    {
        var pid = File.ReadAllText(Path.Combine(_work, "redis.pid")).Trim();
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // fields 14 and 15 of stat
        return ticks * 10.0; // USER_HZ is 100 on Linux
    }

    public async ValueTask DisposeAsync() => await CliAsync("shutdown", "nosave").ConfigureAwait(false);

    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + file);
        var output = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        return await output.ConfigureAwait(false);
    }
}
