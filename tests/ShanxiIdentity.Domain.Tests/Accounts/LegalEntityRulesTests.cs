using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Domain.Tests.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Accounts;

public sealed class LegalEntityRulesTests
{
    // Which 法人类型 each category of the standard may register as (design.md), over the whole table.
    private static readonly Dictionary<LegalEntityType, string[]> Allowed = new()
    {
        [LegalEntityType.Enterprise] = ["91", "92", "93"],
        [LegalEntityType.EnterpriseBranch] = ["91", "92", "93"],
        [LegalEntityType.IndividualBusiness] = ["91", "92", "93"],
        [LegalEntityType.SocialOrganisation] = ["13", "51", "59"],
        [LegalEntityType.PublicInstitution] = ["11", "12", "19"],
        [LegalEntityType.PrivateNonEnterprise] = ["52"],
    };

    public static TheoryData<LegalEntityType, string> EveryTypeAndCategory()
    {
        var data = new TheoryData<LegalEntityType, string>();
        foreach (var type in Enum.GetValues<LegalEntityType>())
        {
            foreach (var category in RegistrationCategory.All)
            {
                data.Add(type, category.Code);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryTypeAndCategory))]
    public void A_type_accepts_exactly_its_categories(LegalEntityType type, string category)
    {
        var code = CreditCode.Parse(Reference.CreditCode(category, "140100", "MA0K3L8Q")).Value!;

        var mismatch = LegalEntityRules.CategoryMismatch(type, code);

        if (Allowed[type].Contains(category))
        {
            Assert.Null(mismatch);
        }
        else if (type.IsMarketRegulated())
        {
            Assert.Equal(SeedMessages.NotMarketSupervised, mismatch);
        }
        else
        {
            Assert.Equal(AccountMessages.CategoryMismatch(code.Category.Department, code.Category.Category, type.DisplayName()), mismatch);
        }
    }

    [Theory]
    [InlineData("shanxi_org", true)]
    [InlineData("Org2026", true)]
    [InlineData("a_b_c_d_e_f_g_h_i_j_", true)]
    [InlineData("org", false)]
    [InlineData("1organisation", false)]
    [InlineData("_organisation", false)]
    [InlineData("org-name", false)]
    [InlineData("组织机构账号", false)]
    [InlineData("a_b_c_d_e_f_g_h_i_j_k", false)]
    public void Login_names_follow_the_rule(string name, bool valid)
    {
        Assert.Equal(valid, LegalEntityRules.IsValidLoginName(name));
    }

    [Fact]
    public void A_valid_credit_code_starting_with_a_letter_is_refused_as_a_login_name()
    {
        var code = Reference.CreditCode("N1", "140100", "MA0K3L8Q");

        Assert.True(CreditCode.Parse(code).IsValid);
        Assert.False(LegalEntityRules.IsValidLoginName(code));
    }

    [Theory]
    [InlineData("山西示例有限公司", true)]
    [InlineData("  太原市（某）社会服务中心  ", true)]
    [InlineData("晋", false)]
    [InlineData("   ", false)]
    [InlineData(null, false)]
    [InlineData("山西\u0000示例", false)]
    [InlineData("山西示例\n有限公司", false)]
    public void An_organisation_name_is_two_to_two_hundred_characters_without_control_characters(string? name, bool expected)
    {
        Assert.Equal(expected, LegalEntityRules.IsValidOrganisationName(name));
    }

    [Fact]
    public void An_organisation_name_may_not_exceed_two_hundred_characters()
    {
        Assert.True(LegalEntityRules.IsValidOrganisationName(new string('晋', LegalEntityRules.MaxOrganisationNameLength)));
        Assert.False(LegalEntityRules.IsValidOrganisationName(new string('晋', LegalEntityRules.MaxOrganisationNameLength + 1)));
    }

    [Theory]
    [InlineData("91140100MA0K3L8Q28", "91140100MA0K3L8Q28", true)]
    [InlineData("91140100MA0K3L8Q28", " 91140100ma0k3l8q28 ", true)]
    [InlineData("91140100MA0K3L8Q28", "９１１４０１００ＭＡ０Ｋ３Ｌ８Ｑ２８", true)]
    [InlineData("91140100MA0K3L8Q28", "91140106MA0K5R2T6Y", false)]
    [InlineData("", "", false)]
    [InlineData(null, null, false)]
    public void A_branch_cannot_name_its_own_code_as_its_head_office(string? branch, string? headOffice, bool expected)
    {
        Assert.Equal(expected, LegalEntityRules.IsOwnHeadOffice(branch, headOffice));
    }
}
