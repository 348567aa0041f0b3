using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>An administrator creates a staff account.</summary>
public sealed class NewStaffForm
{
    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "姓名")]
    public string? Name { get; set; }

    [Display(Name = "角色")]
    public List<string> Roles { get; set; } = [];
}

public sealed class NewStaffFormValidator : AbstractValidator<NewStaffForm>
{
    public NewStaffFormValidator()
    {
        RuleFor(f => f.LoginName).Required().Must(PersonName.IsValidUserName).WithMessage(AccountMessages.UserNameInvalid);
        RuleFor(f => f.Name).Required().Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);
        RuleFor(f => f.Roles).NotEmpty().WithMessage(CounterMessages.RolesRequired)
            .Must(roles => roles.All(StaffRole.All.Contains)).WithMessage(CounterMessages.RolesRequired);
    }
}

public sealed record StaffCreatedView(string LoginName, string Name, string InitialPassword);
