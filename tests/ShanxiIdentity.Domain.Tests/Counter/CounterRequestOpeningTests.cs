using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Domain.Guidance;
using static ShanxiIdentity.Domain.Tests.Counter.CounterRequestBuilder;

namespace ShanxiIdentity.Domain.Tests.Counter;

/// <summary>Opening a counter request: what it may ask for, refused before the request exists.</summary>
public sealed class CounterRequestOpeningTests
{
    [Fact]
    public void A_phone_change_opens_as_a_draft_with_the_materials_table_checklist_for_its_case()
    {
        var account = Citizen();

        var (request, refusal) = CounterRequest.Open(PhoneChange(account, "13912345678"), account, Clerk, Now, Today);

        Assert.Null(refusal);
        Assert.Equal(CounterRequestStatus.Draft, request!.Status);
        Assert.Equal(account.Id, request.AccountId);
        Assert.Equal(CounterOperation.Modify, request.Operation);
        Assert.Equal(Clerk, request.CreatedByStaffId);
        Assert.Equal(Now, request.CreatedAt);
        Assert.Equal("13912345678", request.ReadChange().NewPhone);
        Assert.Equal(MaterialsTable.For(CounterUserType.Person, byAgent: false).Items.Select(i => (i.Position, i.Text)), request.Materials.Select(m => (m.Position, m.Description)));
        Assert.All(request.Materials, m => Assert.False(m.CheckedAgainstOriginal));
    }

    [Fact]
    public void A_change_without_an_account_or_for_a_staff_account_is_refused()
    {
        var staff = new Account { Id = Guid.NewGuid(), Kind = AccountKind.Staff };

        Assert.Equal(CounterMessages.AccountRequired, Refusal(PhoneChange(staff), null)?.Message);
        Assert.Equal(CounterMessages.AccountRequired, Refusal(PhoneChange(staff), staff)?.Message);
    }

    [Fact]
    public void A_user_type_that_does_not_fit_the_account_is_refused_on_its_field()
    {
        var organisation = Organisation(LegalEntityType.Enterprise);
        var asBranch = PhoneChange(organisation) with { UserType = CounterUserType.EnterpriseBranch };
        var asPerson = PhoneChange(organisation);

        Assert.Equal(new CounterRefusal(CounterMessages.UserTypeMismatch, "UserType"), Refusal(asBranch, organisation));
        Assert.Equal(new CounterRefusal(CounterMessages.UserTypeMismatch, "UserType"), Refusal(asPerson, organisation));
    }

    [Fact]
    public void A_phone_change_to_the_phone_already_reserved_is_refused()
    {
        var account = Citizen(phone: "13800138000");

        Assert.Equal(new CounterRefusal(AccountMessages.SamePhone, "NewPhone"), Refusal(PhoneChange(account, "13800138000"), account));
    }

    [Fact]
    public void A_correction_that_corrects_nothing_or_a_name_not_in_the_name_rule_s_form_is_refused()
    {
        var account = Citizen();
        OpenRequest Correction(CounterChange change) => new(account.Id, CounterChangeKind.AccountInformation, CounterUserType.Person, false, null, null, null, change);

        Assert.Equal(CounterMessages.NothingToChange, Refusal(Correction(new CounterChange()), account)?.Message);
        Assert.Equal(new CounterRefusal(AccountMessages.NameInvalid, "Name"), Refusal(Correction(new CounterChange { Name = "张三123" }), account));
        Assert.Null(Refusal(Correction(new CounterChange { Name = "张更正" }), account));
    }

    [Fact]
    public void Manual_verification_of_an_account_already_verified_is_refused()
    {
        var verified = Citizen(verifiedAt: Now.AddDays(-1));
        var open = new OpenRequest(verified.Id, CounterChangeKind.ManualRealNameVerification, CounterUserType.Person, false, null, null, null, new CounterChange());

        Assert.Equal(CounterMessages.AlreadyVerified, Refusal(open, verified)?.Message);
        Assert.Null(Refusal(open with { AccountId = Citizen().Id }, Citizen()));
    }

    [Fact]
    public void A_registration_needs_its_starred_fields_and_has_no_account_until_approved()
    {
        Assert.Equal(SeedMessages.StarredFieldsRequired, Refusal(PersonRegistration(new CounterChange { Name = "王五" }), null)?.Message);
        Assert.Equal(new CounterRefusal(SeedMessages.StarredFieldsRequired, "IdNumber"), Refusal(PersonRegistration(new CounterChange { Name = "王五", NewPhone = "13912345678" }), null));

        var (request, refusal) = CounterRequest.Open(
            PersonRegistration(new CounterChange { Name = "王五", NewPhone = "13912345678", IdNumber = "11010519491231002X" }), null, Clerk, Now, Today);

        Assert.Null(refusal);
        Assert.Null(request!.AccountId);
        Assert.Equal(CounterOperation.Register, request.Operation);
    }

    [Fact]
    public void An_organisation_registered_under_a_legal_type_of_another_row_is_refused()
    {
        var open = new OpenRequest(null, CounterChangeKind.Registration, CounterUserType.Enterprise, false, null, null, null, new CounterChange
        {
            Name = "山西示例有限公司分公司",
            NewPhone = "13912345678",
            CreditCode = "91350100M000100Y43",
            LegalEntityType = LegalEntityType.EnterpriseBranch,
            RepresentativeName = "李四",
            RepresentativeIdNumber = "11010519491231002X",
            LoginName = "shili01",
        });

        Assert.Equal(new CounterRefusal(CounterMessages.UserTypeMismatch, "UserType"), Refusal(open, null));
        Assert.Null(Refusal(open with { UserType = CounterUserType.EnterpriseBranch }, null));
    }

    [Fact]
    public void An_agent_must_be_named()
    {
        var account = Citizen();

        Assert.Equal(new CounterRefusal(CounterMessages.AgentRequired, "AgentName"), Refusal(PhoneChange(account).ByAgent(" ", "110105194912310021", Today), account));
    }

    [Fact]
    public void An_agent_must_not_be_the_holder()
    {
        var account = Citizen();

        Assert.Equal(new CounterRefusal(CounterMessages.AgentIsHolder, "AgentIdNumber"), Refusal(PhoneChange(account).ByAgent("张三", account.Person!.ResidentIdNumber, Today), account));
    }

    [Fact]
    public void An_agent_s_letter_older_than_one_month_is_refused_and_a_current_one_opens_the_request_with_the_agent_s_materials()
    {
        var account = Citizen();
        var open = PhoneChange(account);
        var stale = Today.AddMonths(-1).AddDays(-1);
        Assert.Equal(new CounterRefusal(CounterMessages.LetterExpired(AuthorizationLetter.LastValidDay(stale)), "LetterDate"), Refusal(open.ByAgent("赵六", "110105194912310021", stale), account));

        var (request, refusal) = CounterRequest.Open(open.ByAgent("赵六", "110105194912310021", Today.AddDays(-28)), account, Clerk, Now, Today);
        Assert.Null(refusal);
        Assert.Equal("赵六", request!.AgentName);
        Assert.Equal(MaterialsTable.For(CounterUserType.Person, byAgent: true).Items.Count, request.Materials.Count);
    }

    [Fact]
    public void Setting_an_organisation_s_administrator_is_for_a_legal_entity_by_agent_with_a_current_letter()
    {
        var organisation = Organisation(LegalEntityType.EnterpriseBranch);
        var citizen = Citizen();
        var open = new OpenRequest(organisation.Id, CounterChangeKind.OrganisationAdministrator, CounterUserType.EnterpriseBranch, false, null, null, null, new CounterChange());
        var forPerson = open with { AccountId = citizen.Id, UserType = CounterUserType.Person };

        Assert.Equal(new CounterRefusal(CounterMessages.AdministratorByAgentOnly, "AgentName"), Refusal(open, organisation));
        Assert.Equal(new CounterRefusal(CounterMessages.AdministratorForOrganisationOnly, "UserType"), Refusal(forPerson.ByAgent("赵六", "110105194912310021", Today), citizen));
        Assert.Equal(new CounterRefusal(CounterMessages.LetterDatedAhead, "LetterDate"), Refusal(open.ByAgent("赵六", "110105194912310021", Today.AddDays(1)), organisation));
        Assert.Equal(new CounterRefusal(CounterMessages.LetterDateRequired, "LetterDate"), Refusal(open.ByAgent("赵六", "110105194912310021", null), organisation));

        var (request, refusal) = CounterRequest.Open(open.ByAgent("赵六", "110105194912310021", Today.AddMonths(-1)), organisation, Clerk, Now, Today);
        Assert.Null(refusal);
        Assert.Equal(CounterOperation.Modify, request!.Operation);
        Assert.Equal(("赵六", "110105194912310021"), (request.AgentName, request.AgentIdNumber));
        Assert.Equal(MaterialsTable.For(CounterUserType.EnterpriseBranch, byAgent: true).Items.Select(i => i.Text), request.Materials.Select(m => m.Description));
        Assert.Contains(request.Materials, m => m.Description.Contains("负责人授权委托书", StringComparison.Ordinal));
    }

    private static CounterRefusal? Refusal(OpenRequest open, Account? account)
    {
        var (request, refusal) = CounterRequest.Open(open, account, Clerk, Now, Today);
        Assert.True(request is null != (refusal is null), "Open answers with a request or a refusal, never both");
        return refusal;
    }
}
