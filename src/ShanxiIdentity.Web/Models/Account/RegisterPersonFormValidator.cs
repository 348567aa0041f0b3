using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class RegisterPersonFormValidator : AbstractValidator<RegisterPersonForm>
{
    public RegisterPersonFormValidator()
    {
        RuleFor(f => f.Name).Required().PersonName();
        RuleFor(f => f.IdNumber).Required().ResidentIdNumber();
        RuleFor(f => f.UserName).OptionalUserName();
        Include(new RegistrationFormValidator());
    }
}
