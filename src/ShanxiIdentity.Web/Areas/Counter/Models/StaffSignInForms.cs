using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

public sealed class StaffLoginForm : Web.Models.Account.CaptchaForm
{
    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class StaffLoginFormValidator : AbstractValidator<StaffLoginForm>
{
    public StaffLoginFormValidator()
    {
        RuleFor(f => f.LoginName).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.Captcha).Required();
    }
}

/// <summary>The authenticator code step.</summary>
public class StaffCodeForm
{
    public string? Ticket { get; set; }

    public string? ReturnUrl { get; set; }

    [Display(Name = "动态验证码")]
    public string? Code { get; set; }
}

public sealed class StaffCodeFormValidator : AbstractValidator<StaffCodeForm>
{
    public StaffCodeFormValidator()
    {
        RuleFor(f => f.Code).Required();
    }
}

/// <summary>The first sign-in: bind the authenticator and choose one's own password.</summary>
public sealed class StaffEnrolForm : StaffCodeForm
{
    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class StaffEnrolFormValidator : AbstractValidator<StaffEnrolForm>
{
    public StaffEnrolFormValidator()
    {
        RuleFor(f => f.Code).Required();
        RuleFor(f => f.Password).Required().Custom((password, context) =>
        {
            foreach (var error in PasswordPolicy.Check(password))
            {
                context.AddFailure(error);
            }
        });
        RuleFor(f => f.ConfirmPassword).Required().Equal(f => f.Password).WithMessage(AccountMessages.PasswordsDiffer);
    }
}

