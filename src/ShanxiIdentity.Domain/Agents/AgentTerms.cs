namespace ShanxiIdentity.Domain.Agents;

/// <summary>
/// What an administrator chooses for an authorisation: the role, the business systems (none
/// listed means all of them) and the validity period, both days included, in China dates.
/// </summary>
public sealed record AgentTerms(AgentRole Role, IReadOnlyList<string>? ClientIds, DateOnly StartsOn, DateOnly EndsOn)
{
    /// <summary>The chosen client ids as stored (space-separated) fit in this many characters: beyond it, 全部业务系统.</summary>
    public const int MaxClientIdsLength = 2000;

    /// <summary>Null when the terms may be granted on <paramref name="today"/>; otherwise which field is wrong and why.</summary>
    public (string Field, string Message)? Refusal(DateOnly today, int maxDays, DateOnly? earliestStart = null)
    {
        if (ClientIds is { Count: 0 })
        {
            return (nameof(ClientIds), AgentMessages.ChooseSystems);
        }

        if (ClientIds is not null && string.Join(' ', ClientIds.Distinct(StringComparer.Ordinal)).Length > MaxClientIdsLength)
        {
            return (nameof(ClientIds), AgentMessages.TooManySystems);
        }

        // A change may keep a start date already passed; a new authorisation starts today or later.
        if (StartsOn < (earliestStart is { } kept && kept < today ? kept : today))
        {
            return (nameof(StartsOn), AgentMessages.StartInPast);
        }

        if (EndsOn < StartsOn)
        {
            return (nameof(EndsOn), AgentMessages.EndBeforeStart);
        }

        if (EndsOn < today)
        {
            return (nameof(EndsOn), AgentMessages.EndInPast);
        }

        // Days counted with both ends included (as the form says: 含当天), from the later of the start
        // and today: a change cannot stretch a long-running one past the maximum from now.
        var from = StartsOn > today ? StartsOn : today;
        if (EndsOn.DayNumber - from.DayNumber + 1 > maxDays)
        {
            return (nameof(EndsOn), AgentMessages.TooLong(maxDays));
        }

        return null;
    }
}
