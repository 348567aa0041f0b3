using System.Diagnostics;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// A login storm on two instances behind nginx (round-robin), with the per-address limits on but set
/// high enough never to refuse, so that every login post pays the limiter: kept in one Redis that both
/// instances share (<c>Redis:Configuration</c>, ADR 0009), compared interleaved with the same two
/// instances' in-process limiters. PostgreSQL only: two processes on one SQLite file is not how the
/// portal is deployed. redis-server and nginx are Debian's (bench/run.sh installs them).
/// </summary>
internal static class LoginStorm
{
    private const int Rounds = 3;

    public static async Task MeasureAsync(
        string label, DatabaseProvider provider, string portalDll, IReadOnlyDictionary<string, string> environment,
        BenchOptions options, IDictionary<string, double> facts, Func<string, Uri, Func<HttpClient, Task<bool>>, Task> warmUp)
    {
        var name = $"{label}: login storm, Redis limiter, 2 instances";
        if (!options.Includes(name))
        {
            return;
        }

        if (provider != DatabaseProvider.PostgreSql)
        {
            Console.WriteLine($"{name}: not measured: PostgreSQL only (two processes on one SQLite file is not how the portal is deployed)");
            return;
        }

        Console.WriteLine($"{name}: PostgreSQL only (two processes on one SQLite file is not how the portal is deployed)");
        var work = Directory.CreateTempSubdirectory("shanxi-storm-").FullName;
        var redis = await RedisServer.StartAsync(work).ConfigureAwait(false);
        var instances = new List<ServerProcess>();
        Process? nginx = null;
        try
        {
            var shared = new Dictionary<string, string>(environment) { ["Redis__Configuration"] = redis.Configuration };
            foreach (var settings in new[] { shared, shared, environment, environment })
            {
                var own = new Dictionary<string, string>(settings) { ["Logging__Directory"] = Path.Combine(work, $"logs-{instances.Count}") };
                instances.Add(await ServerProcess.StartAsync(portalDll, own).ConfigureAwait(false));
            }

            var (withRedis, inProcess) = (ServerProcess.FreePort(), ServerProcess.FreePort());
            nginx = Nginx.Start(work, (withRedis, instances[0], instances[1]), (inProcess, instances[2], instances[3]));
            var sides = new[]
            {
                (Name: $"{name} (Redis)", Address: new Uri($"http://127.0.0.1:{withRedis}/"), Servers: instances.Take(2).ToArray(), Redis: redis),
                (Name: $"{name} (in-process limiter)", Address: new Uri($"http://127.0.0.1:{inProcess}/"), Servers: instances.Skip(2).ToArray(), Redis: (RedisServer?)null),
            };
            foreach (var side in sides)
            {
                await Nginx.WaitAsync(side.Address).ConfigureAwait(false);
                await warmUp(side.Name, side.Address, client => PortalLogin.LogInAsync(client, 1_000)).ConfigureAwait(false);
            }

            var (rates, ratios, costs, redisCosts) = (new List<(double Redis, double Local)>(), new List<double>(), new List<double>(), new List<double>());
            var counted = false;
            for (var round = 1; round <= Rounds; round++)
            {
                var measured = new List<(LoadResult Result, double RedisMs)>();
                foreach (var side in sides)
                {
                    var before = side.Servers.Sum(s => s.CpuTime().TotalMilliseconds);
                    var redisBefore = side.Redis?.CpuMs() ?? 0;
                    var result = await LoadClient.RunAsync($"{side.Name}, round {round}", side.Address, options.Duration, options.Workers, client => PortalLogin.LogInAsync(client, 1_000)).ConfigureAwait(false);
                    var attempts = Math.Max(1, result.Succeeded + result.Failures);
                    var redisMs = ((side.Redis?.CpuMs() ?? 0) - redisBefore) / attempts;
                    result = result with { ServerCpuMs = ((side.Servers.Sum(s => s.CpuTime().TotalMilliseconds) - before) / attempts) + redisMs, ResidentMiB = side.Servers.Max(s => s.ResidentMiB()) };
                    Console.WriteLine($"{result}   (redis-server {redisMs:F2} ms of it)");
                    measured.Add((result, redisMs));

                    // Right after the window: the limiter's keys live only as long as its window.
                    counted |= side.Redis is not null
                        && (await redis.CliAsync("--scan", "--pattern", "*rate:credentials:*").ConfigureAwait(false)).Contains("credentials", StringComparison.Ordinal);
                }

                rates.Add((measured[0].Result.PerSecond, measured[1].Result.PerSecond));
                ratios.Add(measured[0].Result.PerSecond / measured[1].Result.PerSecond);
                costs.Add(measured[0].Result.ServerCpuMs - measured[1].Result.ServerCpuMs);
                redisCosts.Add(measured[0].RedisMs);
            }

            if (!counted)
            {
                throw new InvalidOperationException("The instances on Redis kept no login count there: the shared limiter was not measured.");
            }

            facts[$"{name}: logins/s with Redis, median"] = Stats.Median(rates.Select(r => r.Redis));
            facts[$"{name}: logins/s in-process, median"] = Stats.Median(rates.Select(r => r.Local));
            Stats.Ratio(facts, $"{name}: logins/s Redis / in-process", ratios);
            facts[$"{name}: limiter's cost per login post, Redis beyond in-process, median (ms server CPU, portal + redis-server)"] = Stats.Median(costs);
            facts[$"{name}: redis-server CPU per login, median (ms)"] = Stats.Median(redisCosts);
        }
        finally
        {
            if (nginx is not null)
            {
                nginx.Kill(entireProcessTree: true);
                await nginx.WaitForExitAsync().ConfigureAwait(false);
                nginx.Dispose();
            }

            foreach (var instance in instances)
            {
                await instance.DisposeAsync().ConfigureAwait(false);
            }

            await redis.DisposeAsync().ConfigureAwait(false);
            Directory.Delete(work, recursive: true);
        }
    }
}
