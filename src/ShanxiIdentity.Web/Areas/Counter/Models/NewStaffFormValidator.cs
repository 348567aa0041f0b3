using FluentValidation;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class NewStaffFormValidator : AbstractValidator<NewStaffForm>
{
    public NewStaffFormValidator()
    {
        RuleFor(f => f.LoginName).Required().UserName();
        RuleFor(f => f.Name).Required().PersonName();
        RuleFor(f => f.Hall).MaximumLength(200).WithMessage(CounterMessages.HallUnknown);
        RuleFor(f => f.Roles).NotEmpty().WithMessage(CounterMessages.RolesRequired)
            .Must(roles => roles.All(StaffRole.All.Contains)).WithMessage(CounterMessages.RolesRequired);
    }
}
