using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Domain.Tests.Agents;

public sealed class AgentTermsTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static AgentTerms Terms(DateOnly start, DateOnly end, IReadOnlyList<string>? clients = null) =>
        new(AgentRole.Agent, clients, start, end);

    [Fact]
    public void A_year_from_today_to_the_day_before_for_all_systems_is_accepted() =>
        Assert.Null(Terms(Today, Today.AddYears(1).AddDays(-1)).Refusal(Today, 365));

    [Fact]
    public void One_day_more_than_the_maximum_both_days_included_is_refused_on_the_end_date() =>
        Assert.Equal((nameof(AgentTerms.EndsOn), AgentMessages.TooLong(365)), Terms(Today, Today.AddDays(365)).Refusal(Today, 365));

    [Fact]
    public void The_maximum_counts_from_a_later_start_not_from_today() =>
        Assert.Null(Terms(Today.AddDays(30), Today.AddDays(30 + 364)).Refusal(Today, 365));

    [Fact]
    public void A_new_authorisation_cannot_start_yesterday() =>
        Assert.Equal((nameof(AgentTerms.StartsOn), AgentMessages.StartInPast), Terms(Today.AddDays(-1), Today.AddDays(10)).Refusal(Today, 365));

    [Fact]
    public void A_change_may_keep_the_start_already_passed_but_not_move_it_earlier()
    {
        var started = Today.AddDays(-20);
        Assert.Null(Terms(started, Today.AddDays(10)).Refusal(Today, 365, earliestStart: started));
        Assert.Equal((nameof(AgentTerms.StartsOn), AgentMessages.StartInPast), Terms(started.AddDays(-1), Today.AddDays(10)).Refusal(Today, 365, earliestStart: started));
    }

    [Fact]
    public void The_end_cannot_come_before_the_start_nor_before_today()
    {
        Assert.Equal((nameof(AgentTerms.EndsOn), AgentMessages.EndBeforeStart), Terms(Today.AddDays(5), Today.AddDays(4)).Refusal(Today, 365));
        Assert.Equal((nameof(AgentTerms.EndsOn), AgentMessages.EndInPast), Terms(Today.AddDays(-9), Today.AddDays(-1)).Refusal(Today, 365, earliestStart: Today.AddDays(-9)));
    }

    [Fact]
    public void Chosen_systems_must_name_at_least_one() =>
        Assert.Equal((nameof(AgentTerms.ClientIds), AgentMessages.ChooseSystems), Terms(Today, Today, []).Refusal(Today, 365));
}
