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
        RuleFor(f => f.Phone).Required().MobilePhone();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required().NewPassword(f => PasswordHolder.From(f.RepresentativeIdNumber, f.Phone, f.LoginName));
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
        RuleFor(f => f.Captcha).Required();
        RuleFor(f => f.AcceptAgreement).Equal(true).WithMessage(AccountMessages.AgreementRequired);
    }
}
