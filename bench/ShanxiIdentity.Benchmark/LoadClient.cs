using System.Diagnostics;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Throughput and latency of one scenario: how many succeeded per second, and how fast; and the
/// server's CPU time per attempt, which the shared machine's noise moves far less than throughput.
/// </summary>
internal sealed record LoadResult(string Name, int Succeeded, double PerSecond, double P50Ms, double P99Ms, int Failures)
{
    public double ServerCpuMs { get; init; } = double.NaN;

    /// <summary>
    /// The load client's own CPU time per attempt (this process, which shares the server's cores): what a
    /// rate on this machine leaves to the server. Not measured for wrk's pages.
    /// </summary>
    public double ClientCpuMs { get; init; } = double.NaN;

    /// <summary>The server's resident memory right after the window: which scenarios make it grow.</summary>
    public double ResidentMiB { get; init; } = double.NaN;

    public override string ToString() => $"{Name,-44} {PerSecond,10:F1}/s   p50 {P50Ms,7:F1} ms   p99 {P99Ms,7:F1} ms   server CPU {ServerCpuMs,6:F2} ms   client CPU {ClientCpuMs,5:F2} ms   failures {Failures}   resident {ResidentMiB,5:F0} MiB";
}

/// <summary>
/// A closed-loop load generator: a fixed number of workers, each sending its next request when the
/// previous one answers, for a fixed time. Every worker keeps its own cookies, like a browser.
/// </summary>
internal static class LoadClient
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, LoopbackCookies> Jars = [];

    /// <summary>
    /// Called as a run's clock starts, after its workers are prepared: whoever measures the server's CPU
    /// time for the run reads it here, so a sign-in done to prepare is not charged to the operations.
    /// </summary>
    public static AsyncLocal<Action?> ClockStarting { get; } = new();

    public static HttpClient NewBrowser(Uri baseAddress)
    {
        var cookies = new LoopbackCookies { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false } };
        var client = new HttpClient(cookies) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        Jars.Add(client, cookies);
        return client;
    }

    /// <summary>
    /// The browser forgets its cookies, as a new visitor's has none: a login in a storm is by someone
    /// not signed in, whose browser still has the connection open (keep-alive) but no session.
    /// </summary>
    public static void ForgetCookies(HttpClient client)
    {
        if (Jars.TryGetValue(client, out var cookies))
        {
            cookies.Forget();
        }
    }

    /// <summary>
    /// Cookies as a browser keeps them for a loopback address, which it treats as a secure context:
    /// Secure cookies go back over plain HTTP. (The portal sets Secure cookies outside Development;
    /// .NET's CookieContainer would drop them here, and every form post would fail antiforgery.)
    /// </summary>
    private sealed class LoopbackCookies : DelegatingHandler
    {
        private readonly Dictionary<string, string> _cookies = new(StringComparer.Ordinal);

        public void Forget() => _cookies.Clear();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (_cookies.Count > 0)
            {
                request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
            {
                foreach (var pair in setCookies.Select(header => header.Split(';', 2)[0].Split('=', 2)))
                {
                    if (pair is [var name, var value] && value.Length > 0)
                    {
                        _cookies[name.Trim()] = value.Trim();
                    }
                    else if (pair is [var removed, _])
                    {
                        _cookies.Remove(removed.Trim());
                    }
                }
            }

            return response;
        }
    }

    /// <summary>
    /// Runs <paramref name="operation"/> in a loop on each worker; it answers whether it succeeded.
    /// <paramref name="prepare"/> readies each worker's client before the clock starts.
    /// </summary>
    public static async Task<LoadResult> RunAsync(string name, Uri baseAddress, TimeSpan duration, int workers, Func<HttpClient, Task<bool>> operation, Func<HttpClient, Task>? prepare = null)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var latencies = new List<double>[workers];
        var failures = 0;
        var clients = Enumerable.Range(0, workers).Select(_ => NewBrowser(baseAddress)).ToArray();
        if (prepare is not null)
        {
            await Task.WhenAll(clients.Select(prepare)).ConfigureAwait(false);
        }

        ClockStarting.Value?.Invoke();
        var clientCpu = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        var tasks = Enumerable.Range(0, workers).Select(async worker =>
        {
            var own = latencies[worker] = [];
            using var client = clients[worker];
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                bool ok;
                try
                {
                    ok = await operation(client).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    ok = false;
                }

                if (ok)
                {
                    own.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
        var elapsed = clock.Elapsed.TotalSeconds;
        clientCpu = Environment.CpuUsage.TotalTime - clientCpu;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, all.Length, all.Length / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), failures)
        {
            ClientCpuMs = clientCpu.TotalMilliseconds / Math.Max(1, all.Length + failures),
        };
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
