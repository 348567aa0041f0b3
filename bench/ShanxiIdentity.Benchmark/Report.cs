using System.Globalization;
using System.Text;

namespace ShanxiIdentity.Benchmark;

/// <summary>The figures, the ratios between them and the issue's targets, as Markdown.</summary>
internal static class Report
{
    public static string Build(IReadOnlyList<(string Name, IReadOnlyList<LoadResult> Rounds)> results, IReadOnlyDictionary<string, double> facts, BenchOptions options, IReadOnlyDictionary<string, string> deployment)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"By `bench/run.sh` at commit {Commit()}: {Machine()}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Every scenario ran in {options.Rounds} rounds: each round measures every scenario once, for {options.Duration.TotalSeconds:F0} s (the logins with 1,000 and with {options.LargeAccounts:N0} accounts {BenchOptions.LoginLatencyWindows * options.Duration.TotalSeconds:F0} s, for a p99 of enough logins), so the two sides of every comparison alternate through the run. All servers stay up for the whole run. {options.Workers} closed-loop workers on the same machine as the server (they compete for its cores); each scenario first ran {options.WarmUp.TotalSeconds:F0} s unmeasured. Pages: wrk (one thread, {options.Workers} connections); logins, registrations and grants: a .NET client that keeps each worker's cookies and posts the forms with their tokens.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Every server process first served complete logins for {options.ProcessWarmUp.TotalSeconds:F0} s, as a portal that has been running does; the first seconds of that are the \"after start\" facts.");
        text.AppendLine(CultureInfo.InvariantCulture, $"ShanxiIdentity: Release build, `Captcha:FixedAnswer` set, Argon2id m=19 MiB t=2 p=1. Peer: `dotnet new mvc --auth Individual`, Release, email confirmation off, SQLite. Each with the runtime settings it is published with (the portal: workstation GC; the template: server GC); the portal also with the environment of `{DeploymentEnvironment.RelativePath}`, as deployed: {string.Join(", ", deployment.Select(d => $"`{d.Key}={d.Value}`"))}.");
        text.AppendLine("Figures are the median of the rounds; \"rounds\" gives the lowest and highest rate. \"Server CPU ms each\" is the server process's CPU time during the window divided by the operations attempted: steadier between runs than throughput on a shared machine. \"Client CPU ms each\" is the load client's own (the benchmark's process, on the same cores), where it is the .NET client; for wrk's pages it is not measured. \"Resident MiB after\" is the server's VmRSS right after the window (MiB = 2^20 bytes; the memory target's MB = 10^6 bytes).").AppendLine();
        text.AppendLine("| scenario | per second | rounds | p50 ms | p99 ms | server CPU ms each | client CPU ms each | resident MiB after | failures |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var (name, rounds) in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {Median(rounds.Select(r => r.PerSecond)):F1} | {rounds.Min(r => r.PerSecond):F1}–{rounds.Max(r => r.PerSecond):F1} | {Median(rounds.Select(r => r.P50Ms)):F1} | {Median(rounds.Select(r => r.P99Ms)):F1} | {Median(rounds.Select(r => r.ServerCpuMs)):F2} | {Cell(Median(rounds.Select(r => r.ClientCpuMs)))} | {Median(rounds.Select(r => r.ResidentMiB)):F0} | {rounds.Sum(r => r.Failures)} |");
        }

        text.AppendLine().AppendLine("| fact | value |").AppendLine("| --- | ---: |");
        foreach (var (name, value) in facts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:F2} |");
        }

        text.AppendLine().AppendLine("#### Targets").AppendLine();
        text.AppendLine("Each ratio is taken round by round (the two sides measured in the same round) and reported as the median with the lowest and highest round. The verdict is \"met\" or \"missed\" only when every round agrees; when the rounds fall on both sides of the target it says so instead of picking one.").AppendLine();
        text.AppendLine("| target | median | rounds | verdict |").AppendLine("| --- | ---: | ---: | --- |");
        var byName = results.ToDictionary(r => r.Name, r => r.Rounds);
        IReadOnlyList<LoadResult> Of(string name) => byName.GetValueOrDefault(name) ?? [];
        foreach (var provider in options.Providers.Select(p => p.ToString()))
        {
            var logins = Of($"{provider}: complete logins (1,000 accounts)");
            AtLeast(text, $"{provider}: complete logins ≥ 2.5 × peer's", PerRound(logins, Of("peer: complete logins"), (a, b) => a.PerSecond / b.PerSecond), 2.5, "×");
            AtLeast(text, $"{provider}: complete logins ≥ 0.7 × Argon2id verifications", PerRound(logins, Of(RawArgon2), (a, b) => a.PerSecond / b.PerSecond), 0.7, "×");
            AtLeast(text, $"{provider}: complete logins ≥ 0.8 × Argon2id verifications", PerRound(logins, Of(RawArgon2), (a, b) => a.PerSecond / b.PerSecond), 0.8, "×");
            // A verification's CPU is the cores' time over the raw rate; what a complete login costs beyond it is the portal's own.
            AtMost(text, $"{provider}: a complete login's server CPU beyond the Argon2id verification ≤ 3 ms", PerRound(logins, Of(RawArgon2), (a, b) => a.ServerCpuMs - (Environment.ProcessorCount * 1000.0 / b.PerSecond)), 3, "ms");
            foreach (var page in new[] { "FAQ", "materials", "templates" })
            {
                AtLeast(text, $"{provider}: {page} ≥ 0.6 × minimal endpoint", PerRound(Of($"{provider}: {page}"), Of($"{provider}: minimal endpoint /healthz"), (a, b) => a.PerSecond / b.PerSecond), 0.6, "×");
            }

            AtLeast(text, $"{provider}: home page ≥ 1.5 × peer's", PerRound(Of($"{provider}: home page"), Of("peer: home page"), (a, b) => a.PerSecond / b.PerSecond), 1.5, "×");
            AtLeast(text, $"{provider}: login page ≥ 1.0 × peer's", PerRound(Of($"{provider}: login page"), Of("peer: login page"), (a, b) => a.PerSecond / b.PerSecond), 1.0, "×");

            // Keycloak's sizing guide: 120 client-credential grants and 120 refresh-token grants per second per vCPU.
            foreach (var grant in new[] { "client-credential grants", "refresh-token grants" })
            {
                AtLeast(text, $"{provider}: {grant} per core ≥ {KeycloakMultipleWanted:F0} × Keycloak's {KeycloakGrantsPerVcpu:F0}/s per vCPU", [.. Of($"{provider}: {grant}").Select(r => r.PerSecond / Environment.ProcessorCount / KeycloakGrantsPerVcpu)], KeycloakMultipleWanted, "×");
            }

            AtMost(text, $"{provider}: p99 login at {options.LargeAccounts:N0} ≤ 1.15 × at 1,000", PerRound(Of($"{provider}: complete logins ({options.LargeAccounts:N0} accounts)"), logins, (a, b) => a.P99Ms / b.P99Ms), 1.15, "×");
            // The issue says 250 MB; read strictly, as 250 × 10^6 bytes (238.4 MiB), not the looser 250 MiB.
            AtMost(text, $"{provider}: resident memory ≤ 250 MB", Single(facts.GetValueOrDefault($"{provider}: resident MiB after run", double.NaN) * BytesPerMiB / 1e6), 250, "MB");
            AtMost(text, $"{provider}: start to first 200 ≤ 1.5 s", Single(facts.GetValueOrDefault($"{provider}: start to first 200 (s)", double.NaN)), 1.5, "s");
        }

        foreach (var provider in options.Providers.Select(p => p.ToString()))
        {
            RefreshGrantShare(text, provider, Of($"{provider}: refresh-token grants"));
        }

        // Not a target: the same measure for the template, whose login is ASP.NET Core Identity's alone.
        var peerBeyond = PerRound(Of("peer: complete logins"), Of(RawPbkdf2), (a, b) => a.ServerCpuMs - (Environment.ProcessorCount * 1000.0 / b.PerSecond));
        if (peerBeyond.Length > 0)
        {
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"For comparison, the template's complete login costs {Median(peerBeyond):F2} ms ({peerBeyond.Min():F2}–{peerBeyond.Max():F2}) of server CPU beyond its PBKDF2 verification, in the same rounds, by the same subtraction (it cannot resolve a few milliseconds: PBKDF2 costs more a verification on both cores at once than inside a server; the profiler's figures for both logins are under \"Login: the cost beyond the hash\").");
        }

        return text.ToString();
    }

    /// <summary>
    /// Not a target: Keycloak's 120/s per vCPU is the server's core, with its load generated elsewhere; here the
    /// load client shares the two cores, so the rate is split by the CPU each side spends on a grant.
    /// </summary>
    private static void RefreshGrantShare(StringBuilder text, string provider, IReadOnlyList<LoadResult> rounds)
    {
        var measured = rounds.Where(r => !double.IsNaN(r.ServerCpuMs) && !double.IsNaN(r.ClientCpuMs)).ToArray();
        if (measured.Length == 0)
        {
            return;
        }

        var perServerCore = measured.Select(r => 1000.0 / r.ServerCpuMs / KeycloakGrantsPerVcpu).ToArray();
        var ceiling = measured.Select(r => Environment.ProcessorCount * 1000.0 / (r.ServerCpuMs + r.ClientCpuMs)).ToArray();
        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{provider}'s refresh-token grant: {Median(measured.Select(r => r.ServerCpuMs)):F2} ms of server CPU and {Median(measured.Select(r => r.ClientCpuMs)):F2} ms of the load client's each. Per core of the server's own CPU that is {Median(perServerCore):F2} × Keycloak's {KeycloakGrantsPerVcpu:F0}/s per vCPU ({perServerCore.Min():F2}–{perServerCore.Max():F2}); with both on these {Environment.ProcessorCount} cores the most they allow is {Median(ceiling):F0}/s ({ceiling.Min():F0}–{ceiling.Max():F0}), against the {KeycloakMultipleWanted * KeycloakGrantsPerVcpu * Environment.ProcessorCount:F0}/s of the target{(provider == nameof(ShanxiIdentity.Data.DatabaseProvider.Sqlite) ? "" : " (the database server's own processes are in neither figure)")}.");
    }

    private static string Cell(double value) => double.IsNaN(value) ? "–" : value.ToString("F2", CultureInfo.InvariantCulture);

    /// <summary>docs/benchmarks.md's line under which each full run is inserted, newest first, above the earlier runs.</summary>
    public const string RunsMarker = "<!-- bench/run.sh inserts each full run under this line, newest first -->";

    /// <summary>The report inserted into the existing document under <see cref="RunsMarker"/>, or the report alone.</summary>
    public static string Insert(string? document, string run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (document is null || document.IndexOf(RunsMarker, StringComparison.Ordinal) is var at && at < 0)
        {
            return run;
        }

        var end = at + RunsMarker.Length;
        return document[..end] + "\n\n" + run.TrimEnd() + "\n" + document[end..];
    }

    private const string RawArgon2 = "argon2id verifications";

    public const string RawPbkdf2 = "pbkdf2 verifications (the template's hash, Identity's default)";

    private const double KeycloakGrantsPerVcpu = 120;

    /// <summary>Issue #24: the grants at 4 × Keycloak's rate per core.</summary>
    private const double KeycloakMultipleWanted = 4;

    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>The ratio of the two sides in each round both were measured.</summary>
    private static double[] PerRound(IReadOnlyList<LoadResult> a, IReadOnlyList<LoadResult> b, Func<LoadResult, LoadResult, double> ratio) =>
        [.. a.Zip(b, ratio)];

    private static double[] Single(double value) => double.IsNaN(value) ? [] : [value];

    private static void AtLeast(StringBuilder text, string target, double[] rounds, double wanted, string unit) =>
        Row(text, target, rounds, unit, rounds.Length == 0 ? null : rounds.Min() >= wanted ? true : rounds.Max() < wanted ? false : null);

    private static void AtMost(StringBuilder text, string target, double[] rounds, double limit, string unit) =>
        Row(text, target, rounds, unit, rounds.Length == 0 ? null : rounds.Max() <= limit ? true : rounds.Min() > limit ? false : null);

    private static void Row(StringBuilder text, string target, double[] rounds, string unit, bool? met)
    {
        var verdict = rounds.Length == 0 ? "not measured" : met switch { true => "met", false => "**missed**", null => "undecided: the rounds fall on both sides" };
        var spread = rounds.Length > 1 ? $"{rounds.Min():F2}–{rounds.Max():F2}" : "";
        text.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {(rounds.Length == 0 ? "–" : $"{Median(rounds):F2} {unit}")} | {spread} | {verdict} |");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Commit()
    {
        try
        {
            using var git = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true })!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return head.Length > 0 ? head : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]
            : "0";
        // The hash's memory is faulted in page by page unless huge pages apply (docs/operations.md).
        const string HugePages = "/sys/kernel/mm/transparent_hugepage/enabled";
        var hugePages = File.Exists(HugePages) ? File.ReadAllText(HugePages).Split('[', ']') is [_, var chosen, _] ? chosen : "unknown" : "none";
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {long.Parse(memory, CultureInfo.InvariantCulture) / 1024 / 1024} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, transparent huge pages `{hugePages}`";
    }
}
