using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.SingleSignOn;

namespace ShanxiIdentity.Domain.Tests.SingleSignOn;

/// <summary>acr_values, a client's minimum level and a request for a second factor, decided in one place.</summary>
public sealed class StepUpTests
{
    private static string Acr(int level) => "urn:shanxi:gov:acr:level" + level;

    [Fact]
    public void Without_acr_values_the_token_says_the_account_s_own_level()
    {
        var decision = StepUp.Decide(RealNameLevel.PhoneProved, [], null, multiFactorSession: false);
        Assert.Equal((StepUpOutcome.Satisfied, Acr(3)), (decision.Outcome, decision.Acr));
    }

    [Fact]
    public void The_lowest_requested_level_the_account_meets_is_the_acr()
    {
        Assert.Equal(Acr(2), StepUp.Decide(RealNameLevel.PhoneProved, [Acr(2)], null, false).Acr);
        Assert.Equal(Acr(2), StepUp.Decide(RealNameLevel.PhoneProved, [Acr(4), Acr(2)], null, false).Acr);
    }

    [Fact]
    public void A_level_above_the_account_s_is_unmet()
    {
        var decision = StepUp.Decide(RealNameLevel.PhoneProved, [Acr(4)], null, false);
        Assert.Equal((StepUpOutcome.LevelTooLow, RealNameLevel.InPerson, RealNameLevel.PhoneProved), (decision.Outcome, decision.Required, decision.Level));
        Assert.Null(decision.Acr);
    }

    [Fact]
    public void The_client_s_minimum_wins_over_a_lower_request()
    {
        Assert.Equal(StepUpOutcome.LevelTooLow, StepUp.Decide(RealNameLevel.RegistryConfirmed, [Acr(1)], RealNameLevel.PhoneProved, false).Outcome);
        Assert.Equal(Acr(3), StepUp.Decide(RealNameLevel.InPerson, [Acr(1)], RealNameLevel.PhoneProved, false).Acr);
        Assert.Equal(Acr(4), StepUp.Decide(RealNameLevel.InPerson, [], RealNameLevel.PhoneProved, false).Acr);
    }

    [Fact]
    public void Unknown_acr_values_are_ignored() =>
        Assert.Equal(Acr(1), StepUp.Decide(RealNameLevel.FormatOnly, ["urn:example:loa:high"], null, false).Acr);

    [Fact]
    public void Asking_for_mfa_needs_a_multi_factor_session()
    {
        Assert.Equal(StepUpOutcome.SecondFactorNeeded, StepUp.Decide(RealNameLevel.PhoneProved, [RealNameLevels.MultiFactorAcr], null, false).Outcome);
        var met = StepUp.Decide(RealNameLevel.PhoneProved, [RealNameLevels.MultiFactorAcr, Acr(2)], null, true);
        Assert.Equal((StepUpOutcome.Satisfied, Acr(2)), (met.Outcome, met.Acr));
    }

    [Fact]
    public void A_level_too_low_is_said_before_a_missing_factor() =>
        Assert.Equal(StepUpOutcome.LevelTooLow, StepUp.Decide(RealNameLevel.RegistryConfirmed, [RealNameLevels.MultiFactorAcr, Acr(4)], null, false).Outcome);
}
