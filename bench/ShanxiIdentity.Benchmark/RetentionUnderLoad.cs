using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// The retention job over 1,000,000 expired rows (audit rows past <c>Retention:AuditDays</c>, SMS
/// messages and ended sign-in sessions), in a portal of its own that asks every second
/// (<c>Retention:PollSeconds</c>): how long a round takes, and whether people's requests slow while it
/// runs. Each round: the rows go in by SQL, the round is made due, and complete logins and the home
/// page are measured side by side in windows while it runs, then in as many windows after it (up to <see cref="AfterWindows"/>).
/// </summary>
internal static class RetentionUnderLoad
{
    private const int AuditRows = 900_000;
    private const int SmsRows = 50_000;
    private const int SessionRows = 50_000;
    private const int Rounds = 3;
    private const int AfterWindows = 5;

    public static async Task MeasureAsync(
        string label, DatabaseProvider provider, string connection, string portalDll, IReadOnlyDictionary<string, string> environment,
        BenchOptions options, IDictionary<string, double> facts, Func<string, Uri, Func<HttpClient, Task<bool>>, Task> warmUp)
    {
        var name = $"{label}: retention over 1,000,000 rows";
        if (!options.Includes(name))
        {
            return;
        }

        await using (var db = Open(provider, connection))
        {
            await db.JobLeases.Where(l => l.Name == RetentionRun.LeaseName).ExecuteDeleteAsync().ConfigureAwait(false); // due at the first ask
        }

        var settings = new Dictionary<string, string>(environment) { ["Retention__PollSeconds"] = "1", ["Retention__RunEveryMinutes"] = "100000" };
        await using var portal = await ServerProcess.StartAsync(portalDll, settings).ConfigureAwait(false);
        await warmUp($"{label} (retention)", portal.Address, client => PortalLogin.LogInAsync(client, 1_000)).ConfigureAwait(false);
        await WaitAsync(provider, connection, lease => lease?.LastCompletedAt is not null).ConfigureAwait(false); // the first round, over what the run left

        var window = TimeSpan.FromSeconds(Math.Max(1, options.Duration.TotalSeconds / 2));
        var (seconds, logins, homes) = (new List<double>(), new List<double>(), new List<double>());
        var (during, after) = (new List<(LoadResult Login, LoadResult Home)>(), new List<(LoadResult Login, LoadResult Home)>());
        for (var round = 1; round <= Rounds; round++)
        {
            await SeedAsync(provider, connection).ConfigureAwait(false);
            await AccountSeeder.SettleAsync(provider, connection).ConfigureAwait(false);
            await using (var db = Open(provider, connection))
            {
                await db.JobLeases.Where(l => l.Name == RetentionRun.LeaseName).ExecuteUpdateAsync(set => set.SetProperty(l => l.LastCompletedAt, (DateTime?)null)).ConfigureAwait(false);
            }

            var (started, ended) = Watch(provider, connection);
            await started.ConfigureAwait(false);
            var duringRound = new List<(LoadResult Login, LoadResult Home)>();
            while (!ended.IsCompleted)
            {
                var measured = await WindowAsync($"{name}: during round {round}", portal, window, options.Workers).ConfigureAwait(false);
                if (!ended.IsCompleted)
                {
                    duringRound.Add(measured); // a window the round ended inside is neither during nor after
                }
            }

            seconds.Add((await ended.ConfigureAwait(false) - await started.ConfigureAwait(false)).TotalSeconds);
            Console.WriteLine($"{name}: round {round} took {seconds[^1]:F1} s ({1_000_000 / seconds[^1]:N0} rows/s), {duringRound.Count} windows of {window.TotalSeconds:F0} s during it");
            var afterRound = new List<(LoadResult Login, LoadResult Home)>();
            for (var i = 0; i < Math.Clamp(duringRound.Count, 1, AfterWindows); i++)
            {
                afterRound.Add(await WindowAsync($"{name}: after round {round}", portal, window, options.Workers).ConfigureAwait(false));
            }

            if (duringRound.Count > 0)
            {
                logins.Add(Rate(afterRound, w => w.Login) / Rate(duringRound, w => w.Login));
                homes.Add(Rate(afterRound, w => w.Home) / Rate(duringRound, w => w.Home));
            }

            Summarise($"{name}: round {round}, during", duringRound);
            Summarise($"{name}: round {round}, after", afterRound);
            during.AddRange(duringRound);
            after.AddRange(afterRound);
        }

        facts[$"{name}: round median (s)"] = Stats.Median(seconds);
        facts[$"{name}: rows/s median"] = Stats.Median(seconds.Select(s => 1_000_000 / s));
        Stats.Ratio(facts, $"{name}: login slowdown (rate after / during)", logins);
        Stats.Ratio(facts, $"{name}: home page slowdown (rate after / during)", homes);
        facts[$"{name}: login p99 during, median of windows (ms)"] = Stats.Median(during.Select(w => w.Login.P99Ms));
        facts[$"{name}: login p99 after, median of windows (ms)"] = Stats.Median(after.Select(w => w.Login.P99Ms));
        facts[$"{name}: home page p99 during, median of windows (ms)"] = Stats.Median(during.Select(w => w.Home.P99Ms));
        facts[$"{name}: home page p99 after, median of windows (ms)"] = Stats.Median(after.Select(w => w.Home.P99Ms));
    }

    /// <summary>Half the workers log in, half open the home page, at the same time.</summary>
    private static async Task<(LoadResult Login, LoadResult Home)> WindowAsync(string name, ServerProcess portal, TimeSpan window, int workers)
    {
        var login = LoadClient.RunAsync($"{name}: complete logins", portal.Address, window, Math.Max(1, workers / 2), client => PortalLogin.LogInAsync(client, 1_000));
        var home = LoadClient.RunAsync($"{name}: home page", portal.Address, window, Math.Max(1, workers / 2), HomeAsync);
        return (Login: await login.ConfigureAwait(false), Home: await home.ConfigureAwait(false));
    }

    private static void Summarise(string name, List<(LoadResult Login, LoadResult Home)> windows)
    {
        if (windows.Count > 0)
        {
            Console.WriteLine($"{name} ({windows.Count} windows): complete logins {Rate(windows, w => w.Login),7:F1}/s, p99 median {Stats.Median(windows.Select(w => w.Login.P99Ms)),7:F1} ms; "
                + $"home page {Rate(windows, w => w.Home),7:F1}/s, p99 median {Stats.Median(windows.Select(w => w.Home.P99Ms)),7:F1} ms");
        }
    }

    private static async Task<bool> HomeAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/", UriKind.Relative)).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.IsSuccessStatusCode;
    }

    private static double Rate(List<(LoadResult Login, LoadResult Home)> windows, Func<(LoadResult Login, LoadResult Home), LoadResult> kind) =>
        windows.Select(kind).Average(r => r.PerSecond);

    /// <summary>1,000,000 rows past their periods, in three set-based statements (no row goes through the client).</summary>
    private static async Task SeedAsync(DatabaseProvider provider, string connection)
    {
        var clock = Stopwatch.StartNew();
        var old = DateTime.UtcNow.AddDays(-(RetentionSettings.MinimumAuditDays + 400)).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
        var postgres = provider == DatabaseProvider.PostgreSql;
        string Rows(int count) => postgres ? $"generate_series(1, {count})" : $"(WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {count}) SELECT i FROM n)";
        var at = postgres ? $"TIMESTAMPTZ '{old}+00'" : $"'{old}'";
        var id = postgres ? "gen_random_uuid()" : "upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-A' || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))";
        string[] statements =
        [
            $"INSERT INTO \"AuditEntries\" (\"At\", \"Action\", \"Detail\") SELECT {at}, '{AuditAction.SignedIn}', 'benchmark: expired' FROM {Rows(AuditRows)} AS s",
            $"INSERT INTO \"SmsOutbox\" (\"Phone\", \"Purpose\", \"CreatedAt\", \"FailedAttempts\", \"DeliveredAt\") SELECT '13900000000', 'registration', {at}, 0, {at} FROM {Rows(SmsRows)} AS s",
            $"INSERT INTO \"SignInSessions\" (\"Id\", \"AccountId\", \"CreatedAt\", \"EndedAt\") SELECT {id}, (SELECT \"Id\" FROM \"AspNetUsers\" LIMIT 1), {at}, {at} FROM {Rows(SessionRows)} AS s",
        ];
        await using var db = Open(provider, connection);
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement).ConfigureAwait(false);
        }

        Console.WriteLine($"  seeded 1,000,000 expired rows in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private static PortalDbContext Open(DatabaseProvider provider, string connection) => new(PortalDatabase.Options(provider, connection));

    private static async Task<Data.Entities.JobLease?> LeaseAsync(DatabaseProvider provider, string connection)
    {
        await using var db = Open(provider, connection);
        return await db.JobLeases.AsNoTracking().SingleOrDefaultAsync(l => l.Name == RetentionRun.LeaseName).ConfigureAwait(false);
    }

    /// <summary>
    /// The round's start and end by the portal's clock, watched from the moment it is made due: the lease's
    /// expiry less its length when first seen held (before the first task renews it), and its completion.
    /// </summary>
    private static (Task<DateTime> Started, Task<DateTime> Ended) Watch(DatabaseProvider provider, string connection)
    {
        var started = new TaskCompletionSource<DateTime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var ended = Task.Run(async () =>
        {
            var held = await WaitAsync(provider, connection, lease => lease is { Holder: not null, LastCompletedAt: null }, 10).ConfigureAwait(false);
            started.SetResult(held.Until - JobLeases.Length);
            return (await WaitAsync(provider, connection, lease => lease is { LastCompletedAt: not null }, 100).ConfigureAwait(false)).LastCompletedAt!.Value;
        });
        _ = ended.ContinueWith(t => started.TrySetException(t.Exception!.InnerExceptions), TaskContinuationOptions.OnlyOnFaulted);
        return (started.Task, ended);
    }

    private static async Task<Data.Entities.JobLease> WaitAsync(DatabaseProvider provider, string connection, Func<Data.Entities.JobLease?, bool> state, int everyMs = 50)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            if (await LeaseAsync(provider, connection).ConfigureAwait(false) is { } lease && state(lease))
            {
                return lease;
            }

            await Task.Delay(everyMs).ConfigureAwait(false);
        }

        throw new TimeoutException("The retention round did not start or end within 10 minutes.");
    }
}
