namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Every scenario of the run, measured round after round: round 1 runs each scenario once, then
/// round 2 runs each again, and so on. The two sides of every compared pair (the portal's page and
/// the peer's, logins at 1,000 and at 1,000,000 accounts, logins and the raw hash) therefore
/// alternate through the run, and what the shared machine does meanwhile falls on both; each target
/// is judged on the ratio of every round, not on one window each.
/// </summary>
internal sealed class Rounds(BenchOptions options)
{
    private readonly List<Scenario> _scenarios = [];

    private readonly Dictionary<string, List<LoadResult>> _results = [];

    /// <summary>Each scenario's measured windows, one per round, in the order they were added.</summary>
    public IReadOnlyList<(string Name, IReadOnlyList<LoadResult> Rounds)> Results =>
        [.. _scenarios.Where(s => _results.ContainsKey(s.Name)).Select(s => (s.Name, (IReadOnlyList<LoadResult>)_results[s.Name]))];

    /// <param name="server">The process whose CPU time is charged to the scenario; none for work done in the benchmark itself.</param>
    /// <param name="windows">How many durations one window lasts (the login-latency pair runs longer, for a p99 of enough logins).</param>
    public void Add(string name, ServerProcess? server, Func<string, TimeSpan, Task<LoadResult>> run, int windows = 1)
    {
        if (options.Includes(name))
        {
            _scenarios.Add(new Scenario(name, server, run, windows));
        }
    }

    /// <param name="afterRound">Runs after each round, between windows (what the servers hold then).</param>
    public async Task RunAsync(Func<Task> afterRound)
    {
        ArgumentNullException.ThrowIfNull(afterRound);
        for (var round = 1; round <= options.Rounds; round++)
        {
            foreach (var scenario in _scenarios)
            {
                if (round == 1 && options.WarmUp > TimeSpan.Zero)
                {
                    await scenario.Run(scenario.Name, options.WarmUp).ConfigureAwait(false);
                }

                var result = await MeasureAsync(scenario).ConfigureAwait(false);
                Console.WriteLine($"{result} (round {round}/{options.Rounds})");
                if (!_results.TryGetValue(scenario.Name, out var list))
                {
                    _results[scenario.Name] = list = [];
                }

                list.Add(result);
            }

            await afterRound().ConfigureAwait(false);
        }
    }

    /// <summary>A scenario measured once, now, outside the rounds (one that compares within itself afterwards).</summary>
    public async Task MeasureOnceAsync(string name, ServerProcess server, Func<string, TimeSpan, Task<LoadResult>> run, int windows)
    {
        var scenario = new Scenario(name, server, run, windows);
        _scenarios.Add(scenario);
        var result = await MeasureAsync(scenario).ConfigureAwait(false);
        Console.WriteLine(result);
        _results[name] = [result];
    }

    private async Task<LoadResult> MeasureAsync(Scenario scenario)
    {
        var before = scenario.Server?.CpuTime();
        LoadClient.ClockStarting.Value = () => before = scenario.Server?.CpuTime();
        var measured = await scenario.Run(scenario.Name, options.Duration * scenario.Windows).ConfigureAwait(false);
        return scenario.Server is not { } server
            ? measured
            : measured with
            {
                ServerCpuMs = (server.CpuTime() - before!.Value).TotalMilliseconds / Math.Max(1, measured.Succeeded + measured.Failures),
                ResidentMiB = server.ResidentMiB(),
            };
    }

    private sealed record Scenario(string Name, ServerProcess? Server, Func<string, TimeSpan, Task<LoadResult>> Run, int Windows);
}
