using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
    }
}
