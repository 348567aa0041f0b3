using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class StaffEnrolFormValidator : AbstractValidator<StaffEnrolForm>
{
    public StaffEnrolFormValidator()
    {
        RuleFor(f => f.Code).Required();
        RuleFor(f => f.Password).Required().NewPassword();
        RuleFor(f => f.ConfirmPassword).Required().ConfirmsPassword(f => f.Password);
    }
}
