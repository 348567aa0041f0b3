namespace ShanxiIdentity.Domain.Closing;

/// <summary>
/// 注销账号's rules: the cooling-off between the request and the closing, and whether a request or a
/// cancellation fits the account's state. GB/T 35273-2020 §8.5 wants a closing handled within 15
/// working days, so the cooling-off may not exceed <see cref="MaxCoolingOffDays"/> calendar days.
/// </summary>
public static class ClosingRules
{
    public const string Section = "AccountClosing";
    public const string CoolingOffSetting = Section + ":CoolingOffDays";
    public const int DefaultCoolingOffDays = 15;

    /// <summary>15 working days are at least 21 calendar days: a longer wait would break the standard's limit.</summary>
    public const int MaxCoolingOffDays = 21;

    public static bool IsValidCoolingOff(int days) => days is >= 0 and <= MaxCoolingOffDays;

    /// <summary>When a closing asked for at <paramref name="requestedAt"/> takes effect.</summary>
    public static DateTime DueAt(DateTime requestedAt, int coolingOffDays)
    {
        if (!IsValidCoolingOff(coolingOffDays))
        {
            throw new ArgumentOutOfRangeException(nameof(coolingOffDays), coolingOffDays, null);
        }

        return requestedAt.AddDays(coolingOffDays);
    }

    /// <summary>The closing task erases the account once its cooling-off has ended.</summary>
    public static bool IsDue(DateTime? dueAt, DateTime now) => dueAt is { } due && due <= now;

    /// <summary>Null when the account may ask to close; otherwise why not.</summary>
    public static string? RequestRefusal(DateTime? dueAt, DateTime? closedAt, IReadOnlyCollection<ClosingBlocker> blockers)
    {
        ArgumentNullException.ThrowIfNull(blockers);
        return closedAt is not null ? ClosingMessages.AlreadyClosed
            : dueAt is not null ? ClosingMessages.AlreadyRequested
            : blockers.Count > 0 ? ClosingMessages.Blocked
            : null;
    }

    /// <summary>Null when the closing may be cancelled (asked for, not yet done); otherwise why not.</summary>
    public static string? CancelRefusal(DateTime? dueAt, DateTime? closedAt) =>
        closedAt is not null ? ClosingMessages.AlreadyClosed
        : dueAt is null ? ClosingMessages.NotClosing
        : null;
}
