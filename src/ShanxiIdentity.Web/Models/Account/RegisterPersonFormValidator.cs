using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class RegisterPersonFormValidator : AbstractValidator<RegisterPersonForm>
{
    public RegisterPersonFormValidator()
    {
        RuleFor(f => f.Name).Required().PersonName();
        RuleFor(f => f.IdNumber).Required().ResidentIdNumber();
        RuleFor(f => f.UserName).OptionalUserName();
        RuleFor(f => f.Phone).Required().MobilePhone();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required().NewPassword(f => PasswordHolder.From(f.IdNumber, f.Phone, f.UserName));
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
        RuleFor(f => f.Captcha).Required();
        RuleFor(f => f.AcceptAgreement).Equal(true).WithMessage(AccountMessages.AgreementRequired);
    }
}
