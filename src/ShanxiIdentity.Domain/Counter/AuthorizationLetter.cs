namespace ShanxiIdentity.Domain.Counter;

/// <summary>授权委托书: valid for one month from its date (委托有效期一个月), never dated ahead.</summary>
public static class AuthorizationLetter
{
    /// <summary>The last day the letter is valid.</summary>
    public static DateOnly LastValidDay(DateOnly letterDate) => letterDate.AddMonths(1);

    /// <summary>Null when the letter may be accepted today (China time); otherwise why not.</summary>
    public static string? Refusal(DateOnly? letterDate, DateOnly today) => letterDate switch
    {
        null => CounterMessages.LetterDateRequired,
        { } date when date > today => CounterMessages.LetterDatedAhead,
        { } date when today > LastValidDay(date) => CounterMessages.LetterExpired(LastValidDay(date)),
        _ => null,
    };
}
