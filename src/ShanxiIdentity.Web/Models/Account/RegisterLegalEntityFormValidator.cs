using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class RegisterLegalEntityFormValidator : AbstractValidator<RegisterLegalEntityForm>
{
    public RegisterLegalEntityFormValidator()
    {
        RuleFor(f => f.Type).Required().Must(t => RegisterLegalEntityForm.ParseType(t) is not null).WithMessage(FormMessages.ChooseLegalEntityType);
        RuleFor(f => f.OrganisationName).Required().OrganisationName();
        RuleFor(f => f.CreditCode).Required().CreditCode();
        RuleFor(f => f.RepresentativeName).Required().PersonName();
        RuleFor(f => f.RepresentativeIdNumber).Required().ResidentIdNumber();
        RuleFor(f => f.HeadOfficeCreditCode).Required().CreditCode().HeadOfficeOf(f => f.CreditCode).When(f => f.IsBranch);
        RuleFor(f => f.LoginName).Required().LoginName();
        Include(new RegistrationFormValidator());
    }
}
