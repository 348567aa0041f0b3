namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Two sides of a comparison measured in alternating short windows (A, B, A, B…) on the same server,
/// so that what the shared machine does meanwhile falls on both alike; each round gives a ratio A/B,
/// reported as the median of the rounds and their spread.
/// </summary>
internal static class Interleaved
{
    /// <summary>The windows of <paramref name="rounds"/> rounds, each side with the server's CPU time per attempt.</summary>
    public static async Task<IReadOnlyList<(LoadResult A, LoadResult B)>> RunAsync(
        ServerProcess server, int rounds, TimeSpan window, Func<TimeSpan, Task<LoadResult>> a, Func<TimeSpan, Task<LoadResult>> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var results = new List<(LoadResult, LoadResult)>();
        for (var round = 1; round <= rounds; round++)
        {
            var first = await MeasureAsync(server, a, window).ConfigureAwait(false);
            var second = await MeasureAsync(server, b, window).ConfigureAwait(false);
            Console.WriteLine($"{first} (interleaved {round}/{rounds})");
            Console.WriteLine($"{second} (interleaved {round}/{rounds})");
            results.Add((first, second));
        }

        return results;
    }

    /// <summary>Puts the median, min and max of the per-round ratios into the facts, as "{name} median/min/max (×)".</summary>
    public static void AddRatio(Dictionary<string, double> facts, string name, IEnumerable<double> ratios)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var sorted = ratios.Order().ToArray();
        if (sorted.Length == 0)
        {
            return;
        }

        var middle = sorted.Length / 2;
        facts[$"{name} median (×)"] = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        facts[$"{name} min (×)"] = sorted[0];
        facts[$"{name} max (×)"] = sorted[^1];
    }

    /// <summary>At least three rounds of windows a third of a scenario's (at least a second each).</summary>
    public static (int Rounds, TimeSpan Window) Plan(TimeSpan duration, int rounds) =>
        (Math.Max(3, rounds), TimeSpan.FromSeconds(Math.Max(1, duration.TotalSeconds / 3)));

    private static async Task<LoadResult> MeasureAsync(ServerProcess server, Func<TimeSpan, Task<LoadResult>> side, TimeSpan window)
    {
        var before = server.CpuTime();
        LoadClient.ClockStarting.Value = () => before = server.CpuTime();
        var measured = await side(window).ConfigureAwait(false);
        return measured with
        {
            ServerCpuMs = (server.CpuTime() - before).TotalMilliseconds / Math.Max(1, measured.Succeeded + measured.Failures),
            ResidentMiB = server.ResidentMiB(),
        };
    }
}
