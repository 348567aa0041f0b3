using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class OpenRequestFormValidator : AbstractValidator<OpenRequestForm>
{
    public OpenRequestFormValidator()
    {
        RuleFor(f => f.ChangeKind).NotNull().WithMessage(SeedMessages.StarredFieldsRequired).IsInEnum();
        RuleFor(f => f.UserType).NotNull().WithMessage(SeedMessages.StarredFieldsRequired).IsInEnum();

        When(f => f.ByAgent, () =>
        {
            RuleFor(f => f.AgentName).Required().PersonName();
            RuleFor(f => f.AgentIdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LetterDate).Required().Must(d => DateInput.Parse(d) is not null).WithMessage(FormMessages.LetterDateFormat);
        });

        When(f => f.ChangeKind is CounterChangeKind.ReservedPhone or CounterChangeKind.Registration, () =>
            RuleFor(f => f.NewPhone).Required().MobilePhone());

        When(f => f.ChangeKind == CounterChangeKind.AccountInformation, () =>
        {
            // A person's 姓名 follows the name rule; an organisation's 单位名称 the organisation-name rule.
            RuleFor(f => f.Name).PersonName().When(f => !string.IsNullOrWhiteSpace(f.Name) && f.UserType == CounterUserType.Person);
            RuleFor(f => f.Name).OrganisationName().When(f => !string.IsNullOrWhiteSpace(f.Name) && f.UserType != CounterUserType.Person);
            RuleFor(f => f.RepresentativeName).PersonName().When(f => !string.IsNullOrWhiteSpace(f.RepresentativeName));
            RuleFor(f => f.RepresentativeIdNumber).ResidentIdNumber().When(f => !string.IsNullOrWhiteSpace(f.RepresentativeIdNumber));
        });

        When(f => f.IsPersonRegistration, () =>
        {
            RuleFor(f => f.Name).Required().PersonName();
            RuleFor(f => f.IdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LoginName).OptionalUserName();
        });

        // The licence in the clerk's hand decides a credit code: as issued, not its check characters.
        When(f => f.IsRegistration && !f.IsPersonRegistration, () =>
        {
            RuleFor(f => f.Name).Required().OrganisationName();
            RuleFor(f => f.LegalEntityType).NotNull().WithMessage(FormMessages.ChooseLegalEntityType).IsInEnum();
            RuleFor(f => f.CreditCode).Required().CreditCodeAsIssued();
            RuleFor(f => f.RepresentativeName).Required().PersonName();
            RuleFor(f => f.RepresentativeIdNumber).Required().ResidentIdNumber();
            RuleFor(f => f.LoginName).Required().LoginName();
            RuleFor(f => f.HeadOfficeCreditCode).Required().CreditCodeAsIssued().HeadOfficeOf(f => f.CreditCode)
                .When(f => f.LegalEntityType == Domain.Accounts.LegalEntityType.EnterpriseBranch);
        });
    }
}
