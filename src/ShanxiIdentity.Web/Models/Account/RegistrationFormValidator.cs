using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>The rules of <see cref="RegistrationForm"/>'s fields, which each registration's validator includes after its own.</summary>
public sealed class RegistrationFormValidator : AbstractValidator<RegistrationForm>
{
    public RegistrationFormValidator()
    {
        RuleFor(f => f.Phone).Required().MobilePhone();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required().NewPassword(f => f.HolderOfPassword());
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
        RuleFor(f => f.Captcha).Required();
        RuleFor(f => f.AcceptAgreement).Equal(true).WithMessage(AccountMessages.AgreementRequired);
    }
}
