using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ShanxiIdentity.Domain.Counter;

namespace ShanxiIdentity.Domain.Tests.Counter;

public sealed class AuthorizationLetterTests
{
    private static readonly DateOnly Today = new(2026, 11, 26);

    [Theory]
    [InlineData("2026-11-26")] // dated today
    [InlineData("2026-10-27")]
    [InlineData("2026-10-26")] // exactly one month: the last valid day is today
    public void A_letter_within_one_month_of_its_date_is_accepted(string date) =>
        Assert.Null(AuthorizationLetter.Refusal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Today));

    [Fact]
    public void A_letter_a_day_past_one_month_is_refused_with_its_last_valid_day()
    {
        var refusal = AuthorizationLetter.Refusal(new DateOnly(2026, 10, 25), Today);

        Assert.Equal("授权委托书已过期（委托有效期一个月，有效至2026年11月25日），请委托人重新出具", refusal);
    }

    [Fact]
    public void A_letter_dated_ahead_or_without_a_date_is_refused()
    {
        Assert.Equal(CounterMessages.LetterDatedAhead, AuthorizationLetter.Refusal(Today.AddDays(1), Today));
        Assert.Equal(CounterMessages.LetterDateRequired, AuthorizationLetter.Refusal(null, Today));
    }

    [Fact]
    public void One_month_from_a_month_end_is_the_last_day_of_the_next_month()
    {
        Assert.Equal(new DateOnly(2027, 2, 28), AuthorizationLetter.LastValidDay(new DateOnly(2027, 1, 31)));
        Assert.Equal(new DateOnly(2028, 2, 29), AuthorizationLetter.LastValidDay(new DateOnly(2028, 1, 31)));
    }

    [Property(MaxTest = 500)]
    public Property Accepted_exactly_from_the_letter_date_to_one_month_after() =>
        Prop.ForAll(
            Gen.Choose(0, 3650).Select(d => new DateOnly(2020, 1, 1).AddDays(d)).ToArbitrary(),
            Gen.Choose(-40, 70).ToArbitrary(),
            (letter, daysLater) =>
            {
                var today = letter.AddDays(daysLater);
                var accepted = AuthorizationLetter.Refusal(letter, today) is null;
                return accepted == (today >= letter && today <= letter.AddMonths(1));
            });
}
