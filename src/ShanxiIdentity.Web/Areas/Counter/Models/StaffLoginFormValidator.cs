using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class StaffLoginFormValidator : AbstractValidator<StaffLoginForm>
{
    public StaffLoginFormValidator()
    {
        RuleFor(f => f.LoginName).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.Captcha).Required();
    }
}
