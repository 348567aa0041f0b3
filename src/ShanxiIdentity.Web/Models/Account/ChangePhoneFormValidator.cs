using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ChangePhoneFormValidator : AbstractValidator<ChangePhoneForm>
{
    public ChangePhoneFormValidator()
    {
        RuleFor(f => f.CurrentPassword).Required();
        RuleFor(f => f.NewPhone).Required().MobilePhone();
        RuleFor(f => f.OldPhoneCode).Required().SixDigitCode();
        RuleFor(f => f.NewPhoneCode).Required().SixDigitCode();
    }
}
