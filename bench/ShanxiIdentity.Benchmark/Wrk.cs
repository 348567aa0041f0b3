using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Page throughput by wrk (Debian's package), the load generator the issue names. A page is one GET
/// with no state to carry, and wrk's C event loop costs the shared cores far less per response than
/// an <see cref="HttpClient"/> reading every body into an array: with that client, a 13 KB page and
/// the 7-byte /healthz were measured as much by the client as by the server.
/// </summary>
internal static partial class Wrk
{
    public static async Task<LoadResult> GetAsync(string name, Uri baseAddress, string path, TimeSpan duration, int connections)
    {
        var start = new ProcessStartInfo("wrk")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--threads", "1", "--connections", connections.ToString(CultureInfo.InvariantCulture), "--duration", $"{duration.TotalSeconds:F0}s", "--latency", new Uri(baseAddress, path).ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk did not start.");
        var output = await wrk.StandardOutput.ReadToEndAsync().ConfigureAwait(false);
        var errors = await wrk.StandardError.ReadToEndAsync().ConfigureAwait(false);
        await wrk.WaitForExitAsync().ConfigureAwait(false);
        if (wrk.ExitCode != 0)
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {errors}{output}");
        }

        return Parse(name, output);
    }

    /// <summary>Reads wrk's report; a response other than 2xx/3xx and every socket error count as failures.</summary>
    public static LoadResult Parse(string name, string output)
    {
        var summary = Requests().Match(output) is { Success: true } found
            ? found
            : throw new FormatException($"wrk printed no request count:\n{output}");
        var requests = long.Parse(summary.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = Duration(summary.Groups[2].Value);
        var refused = NonSuccess().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        var socketErrors = SocketErrors().Match(output) is { Success: true } s
            ? s.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
            : 0;
        var succeeded = requests - refused;
        return new LoadResult(name, (int)succeeded, succeeded / seconds, Milliseconds(Percentile(output, "50")), Milliseconds(Percentile(output, "99")), (int)(refused + socketErrors));
    }

    private static string Percentile(string output, string percent) =>
        Regex.Match(output, $@"^\s+{percent}%\s+(\S+)$", RegexOptions.Multiline) is { Success: true } match
            ? match.Groups[1].Value
            : throw new FormatException($"wrk printed no {percent}% latency:\n{output}");

    private static double Milliseconds(string value) => Duration(value) * 1000;

    /// <summary>wrk's durations: "391.00us", "2.03ms", "1.20s", "2.00m".</summary>
    private static double Duration(string value)
    {
        var unit = value.TrimStart("0123456789.".ToCharArray());
        var number = double.Parse(value[..^unit.Length], CultureInfo.InvariantCulture);
        return unit switch
        {
            "us" => number / 1_000_000,
            "ms" => number / 1_000,
            "s" => number,
            "m" => number * 60,
            _ => throw new FormatException($"Unknown wrk unit in '{value}'."),
        };
    }

    [GeneratedRegex(@"^\s+(\d+) requests in ([\d.]+\w+),", RegexOptions.Multiline)]
    private static partial Regex Requests();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();
}
