namespace ShanxiIdentity.Benchmark;

/// <summary>Percentiles of samples, and a comparison's per-round ratios as facts (median and spread).</summary>
internal static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1))];

    public static double Median(IEnumerable<double> values) => Percentile(values.Order().ToArray(), 0.50);

    /// <summary>The rounds' ratios: "<paramref name="name"/> median (×)", "min (×)" and "max (×)".</summary>
    public static void Ratio(IDictionary<string, double> facts, string name, IReadOnlyCollection<double> ratios)
    {
        facts[$"{name} median (×)"] = Median(ratios);
        facts[$"{name} min (×)"] = ratios.Count == 0 ? double.NaN : ratios.Min();
        facts[$"{name} max (×)"] = ratios.Count == 0 ? double.NaN : ratios.Max();
    }
}
