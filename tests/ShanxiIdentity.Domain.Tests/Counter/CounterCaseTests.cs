using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Domain.Tests.Counter;

public sealed class CounterCaseTests
{
    [Fact]
    public void Registration_is_the_only_change_of_the_register_operation()
    {
        Assert.Equal(CounterOperation.Register, CounterChangeKind.Registration.Operation());
        Assert.All(
            Enum.GetValues<CounterChangeKind>().Where(k => k != CounterChangeKind.Registration),
            kind => Assert.Equal(CounterOperation.Modify, kind.Operation()));
    }

    [Theory]
    [InlineData(LegalEntityType.Enterprise, CounterUserType.Enterprise)]
    [InlineData(LegalEntityType.EnterpriseBranch, CounterUserType.EnterpriseBranch)]
    [InlineData(LegalEntityType.PublicInstitution, CounterUserType.PublicInstitution)]
    [InlineData(LegalEntityType.PrivateNonEnterprise, CounterUserType.PrivateNonEnterprise)]
    public void Each_legal_type_with_a_row_maps_to_that_row(LegalEntityType type, CounterUserType expected)
    {
        Assert.Equal(expected, type.UserType());
        Assert.NotEmpty(MaterialsTable.For(expected, byAgent: true).Items);
    }

    [Theory]
    [InlineData(LegalEntityType.SocialOrganisation)]
    [InlineData(LegalEntityType.IndividualBusiness)]
    public void The_two_types_without_a_row_leave_the_choice_to_the_clerk(LegalEntityType type) =>
        Assert.Null(type.UserType());

    [Fact]
    public void The_counter_accepts_a_code_with_wrong_check_characters_that_the_online_forms_refuse()
    {
        const string wrongCheck = "91350100M000100Y44";

        Assert.False(CreditCode.Parse(wrongCheck).IsValid);
        Assert.Equal(wrongCheck, CreditCode.ParseAsIssued(wrongCheck).Value!.Value);
        Assert.Equal(IdentifierMessages.CreditCodeCategory, CreditCode.ParseAsIssued("00350100M000100Y43").Error);
        Assert.Equal(IdentifierMessages.CreditCodeLength, CreditCode.ParseAsIssued("91350100M000100Y4").Error);
    }

    [Fact]
    public void Every_role_has_a_chinese_name()
    {
        Assert.Equal(["窗口人员", "审核人员", "管理员"], StaffRole.All.Select(StaffRole.DisplayName));
    }
}
