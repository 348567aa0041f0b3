using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Account).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.Captcha).Required();
    }
}
