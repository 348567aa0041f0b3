using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class CloseAccountFormValidator : AbstractValidator<CloseAccountForm>
{
    public CloseAccountFormValidator()
    {
        RuleFor(f => f.CurrentPassword).Required();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
    }
}
