namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>Calendar dates as people in China see them (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>An instant as people in Shanxi read it, to the minute.</summary>
    public static string ToMinute(DateTimeOffset at) => Format(at, "yyyy-MM-dd HH:mm");

    /// <summary>An instant in Beijing time, in the given format (every page and file of the portal shows times so).</summary>
    public static string Format(DateTimeOffset at, string format) => at.ToOffset(Offset).ToString(format, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A stored instant (UTC, as every DateTime column is read back) in Beijing time.</summary>
    public static string Format(DateTime utc, string format) => Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), format);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
