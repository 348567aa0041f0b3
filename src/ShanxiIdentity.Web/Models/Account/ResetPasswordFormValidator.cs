using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
    }
}
