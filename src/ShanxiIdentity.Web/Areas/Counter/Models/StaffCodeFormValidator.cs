using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class StaffCodeFormValidator : AbstractValidator<StaffCodeForm>
{
    public StaffCodeFormValidator()
    {
        RuleFor(f => f.Code).Required();
    }
}
