using System.Globalization;
using System.Text;

namespace ShanxiIdentity.Benchmark;

/// <summary>The figures, the ratios between them and the issue's targets, as Markdown.</summary>
internal static class Report
{
    public static string Build(IReadOnlyList<LoadResult> results, IReadOnlyDictionary<string, double> facts, BenchOptions options, IReadOnlyDictionary<string, string> deployment)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run on {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `bench/run.sh`: {Machine()}.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Each scenario ran {options.Duration.TotalSeconds:F0} s (the logins with 1,000 and with {options.LargeAccounts:N0} accounts {BenchOptions.LoginLatencyWindows * options.Duration.TotalSeconds:F0} s, for a p99 of enough logins) with {options.Workers} closed-loop workers on the same machine as the server (they compete for its cores), after {options.WarmUp.TotalSeconds:F0} s unmeasured. Pages: wrk (one thread, {options.Workers} connections); logins, registrations and grants: a .NET client that keeps each worker's cookies and posts the forms with their tokens.");
        text.AppendLine(CultureInfo.InvariantCulture, $"Every server process first served complete logins for {options.ProcessWarmUp.TotalSeconds:F0} s, as a portal that has been running does; the first seconds of that are the \"after start\" facts.");
        text.AppendLine(CultureInfo.InvariantCulture, $"ShanxiIdentity: Release build, `Captcha:FixedAnswer` set, Argon2id m=19 MiB t=2 p=1. Peer: `dotnet new mvc --auth Individual`, Release, email confirmation off, SQLite. Each with the runtime settings it is published with (the portal: workstation GC; the template: server GC); the portal also with the environment of `{DeploymentEnvironment.RelativePath}`, as deployed: {string.Join(", ", deployment.Select(d => $"`{d.Key}={d.Value}`"))}.");
        text.AppendLine("\"Server CPU ms each\" is the server process's CPU time during the window divided by the operations attempted: steadier between runs than throughput on a shared machine. \"Resident MiB after\" is the server's VmRSS right after the window (MiB = 2^20 bytes; the memory target's MB = 10^6 bytes).").AppendLine();
        text.AppendLine("| scenario | per second | p50 ms | p99 ms | server CPU ms each | resident MiB after | failures |").AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Name} | {r.PerSecond:F1} | {r.P50Ms:F1} | {r.P99Ms:F1} | {r.ServerCpuMs:F2} | {r.ResidentMiB:F0} | {r.Failures} |");
        }

        text.AppendLine().AppendLine("| fact | value |").AppendLine("| --- | ---: |");
        foreach (var (name, value) in facts)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {value:F2} |");
        }

        text.AppendLine().AppendLine("## Targets").AppendLine().AppendLine("| target | measured | verdict |").AppendLine("| --- | ---: | --- |");
        foreach (var provider in options.Providers.Select(p => p.ToString()))
        {
            Ratio(text, $"{provider}: complete logins ≥ 2.5 × peer's", Rate(results, $"{provider}: complete logins (1,000 accounts)"), Rate(results, "peer: complete logins"), 2.5);
            Ratio(text, $"{provider}: complete logins ≥ 0.7 × Argon2id verifications", Rate(results, $"{provider}: complete logins (1,000 accounts)"), facts.GetValueOrDefault("argon2id verifications/s"), 0.7);
            foreach (var page in new[] { "FAQ", "materials", "templates" })
            {
                Ratio(text, $"{provider}: {page} ≥ 0.6 × minimal endpoint", Rate(results, $"{provider}: {page}"), Rate(results, $"{provider}: minimal endpoint /healthz"), 0.6);
            }

            Ratio(text, $"{provider}: home page ≥ 1.5 × peer's", Rate(results, $"{provider}: home page"), Rate(results, "peer: home page"), 1.5);
            Ratio(text, $"{provider}: login page ≥ 1.0 × peer's", Rate(results, $"{provider}: login page"), Rate(results, "peer: login page"), 1.0);

            // Keycloak's sizing guide: 120 client-credential grants and 120 refresh-token grants per second per vCPU.
            foreach (var grant in new[] { "client-credential grants", "refresh-token grants" })
            {
                Ratio(text, $"{provider}: {grant} per core ≥ 4 × Keycloak's 120/s per vCPU", Rate(results, $"{provider}: {grant}") / Environment.ProcessorCount, KeycloakGrantsPerVcpu, 4.0);
            }

            var small = results.FirstOrDefault(r => r.Name == $"{provider}: complete logins (1,000 accounts)");
            var large = results.FirstOrDefault(r => r.Name == $"{provider}: complete logins ({options.LargeAccounts:N0} accounts)");
            Limit(text, $"{provider}: p99 login at {options.LargeAccounts:N0} ≤ 1.15 × at 1,000", large is null || small is null ? double.NaN : large.P99Ms / small.P99Ms, 1.15, "×");
            // The issue says 250 MB; read strictly, as 250 × 10^6 bytes (238.4 MiB), not the looser 250 MiB.
            Limit(text, $"{provider}: resident memory ≤ 250 MB", facts.GetValueOrDefault($"{provider}: resident MiB after run", double.NaN) * BytesPerMiB / 1e6, 250, "MB");
            Limit(text, $"{provider}: start to first 200 ≤ 1.5 s", facts.GetValueOrDefault($"{provider}: start to first 200 (s)", double.NaN), 1.5, "s");
        }

        return text.ToString();
    }

    private const double KeycloakGrantsPerVcpu = 120;

    private const double BytesPerMiB = 1024 * 1024;

    private static double Rate(IReadOnlyList<LoadResult> results, string name) => results.FirstOrDefault(r => r.Name == name)?.PerSecond ?? double.NaN;

    private static void Ratio(StringBuilder text, string target, double value, double baseline, double wanted)
    {
        var ratio = value / baseline;
        text.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {ratio:F2} × | {Verdict(double.IsNaN(ratio) ? null : ratio >= wanted)} |");
    }

    private static void Limit(StringBuilder text, string target, double value, double limit, string unit) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {value:F2} {unit} | {Verdict(double.IsNaN(value) ? null : value <= limit)} |");

    private static string Verdict(bool? met) => met switch { true => "met", false => "**missed**", null => "not measured" };

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
