namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>The system clock, which a test can move forward to see codes and captchas expire.</summary>
public sealed class TestClock : TimeProvider
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>
    /// Moves forward to the next Beijing day when fewer than <paramref name="needed"/> are left in this
    /// one, so that a test counting a day's quota (SMS codes a day) cannot see the count restart at
    /// midnight in China, which is 16:00 UTC, in the middle of a CI run.
    /// </summary>
    public void AdvanceClearOfChinaMidnight(TimeSpan needed)
    {
        var china = GetUtcNow().ToOffset(ChinaOffset);
        var nextMidnight = new DateTimeOffset(china.Date.AddDays(1), ChinaOffset);
        if (nextMidnight - china < needed)
        {
            Advance(nextMidnight - china + TimeSpan.FromMinutes(1));
        }
    }
}
