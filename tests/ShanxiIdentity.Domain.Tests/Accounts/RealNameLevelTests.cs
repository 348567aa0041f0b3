using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Domain.Tests.Accounts;

/// <summary>The 实名等级 ladder (docs/decisions/0013-real-name-levels.md): each kind of account, and how a level is lost.</summary>
public sealed class RealNameLevelTests
{
    [Fact]
    public void A_person_registered_online_is_level_3() =>
        Assert.Equal(RealNameLevel.PhoneProved, new RealNameEvidence(IdentityConfirmed: true, RegistryStillHolds: true, PhoneProvedBySms: true, VerifiedInPerson: false).Level());

    [Fact]
    public void An_organisation_awaiting_the_counter_is_level_1() =>
        Assert.Equal(RealNameLevel.FormatOnly, new RealNameEvidence(false, true, true, false).Level());

    [Fact]
    public void Verified_in_person_at_the_counter_is_level_4_whatever_else() =>
        Assert.Equal(RealNameLevel.InPerson, new RealNameEvidence(false, true, false, true).Level());

    [Fact]
    public void A_phone_typed_in_by_a_clerk_leaves_level_2() =>
        Assert.Equal(RealNameLevel.RegistryConfirmed, new RealNameEvidence(true, true, false, false).Level());

    [Fact]
    public void An_organisation_the_registry_no_longer_holds_falls_to_level_1() =>
        Assert.Equal(RealNameLevel.FormatOnly, new RealNameEvidence(true, RegistryStillHolds: false, true, false).Level());

    [Fact]
    public void Each_level_has_one_acr_uri_that_reads_back()
    {
        Assert.Equal(["urn:shanxi:gov:acr:level1", "urn:shanxi:gov:acr:level2", "urn:shanxi:gov:acr:level3", "urn:shanxi:gov:acr:level4", "urn:shanxi:gov:acr:mfa"], RealNameLevels.AcrValuesSupported);
        Assert.All(RealNameLevels.All, level => Assert.Equal(level, RealNameLevels.FromAcr(RealNameLevels.Acr(level))));
        Assert.Null(RealNameLevels.FromAcr("urn:shanxi:gov:acr:level5"));
        Assert.Null(RealNameLevels.FromAcr("urn:shanxi:gov:acr:level٣"));
        Assert.Null(RealNameLevels.FromAcr("urn:mace:incommon:iap:silver"));
        Assert.Null(RealNameLevels.FromNumber(0));
    }

    [Fact]
    public void Every_level_below_the_top_says_how_to_raise_it()
    {
        Assert.All(RealNameLevels.All.SkipLast(1), level => Assert.Contains("政务大厅", RealNameMessages.HowToRaise(level), StringComparison.Ordinal));
        Assert.Null(RealNameMessages.HowToRaise(RealNameLevel.InPerson));
    }
}
