namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>Calendar dates as people in China see them (UTC+8, no daylight saving).</summary>
public static class ChinaTime
{
    private static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
    }
}
