using System.Globalization;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Benchmark;

internal sealed record BenchOptions(TimeSpan Duration, TimeSpan WarmUp, TimeSpan ProcessWarmUp, int Rounds, int Workers, int LargeAccounts, bool SkipPeer, string? Postgres, string? Output, string? Only)
{
    /// <summary>
    /// The login-latency pair (1,000 and 1,000,000 accounts) is measured over this many windows at
    /// once: the p99 of one 10-s window is its sixth-slowest of some 650 logins, which one hiccup moves.
    /// </summary>
    public const int LoginLatencyWindows = 3;

    /// <summary>Whether a scenario is run: all of them, or those whose name contains one of <c>--only</c>'s texts (separated by '|').</summary>
    public bool Includes(string scenario) =>
        Only is null || Only.Split('|').Any(text => scenario.Contains(text, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<DatabaseProvider> Providers => Postgres is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var smoke = args.Contains("--smoke");
        return new BenchOptions(
            TimeSpan.FromSeconds(int.Parse(Value("--duration") ?? (smoke ? "2" : "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Value("--warm-up") ?? (smoke ? "1" : "5"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Value("--process-warm-up") ?? (smoke ? "2" : "60"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--rounds") ?? (smoke ? "2" : "3"), CultureInfo.InvariantCulture),
            int.Parse(Value("--workers") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(Value("--large") ?? (smoke ? "5000" : "1000000"), CultureInfo.InvariantCulture),
            smoke || args.Contains("--skip-peer"),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("SHANXI_BENCH_POSTGRES"),
            Value("--out") ?? (smoke || args.Contains("--only") ? null : "docs/benchmarks.md"),
            Value("--only"));
    }
}
