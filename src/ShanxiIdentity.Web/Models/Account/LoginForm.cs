using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>个人登录: 账号 is an ID number or a 用户名.</summary>
public sealed class LoginForm : CaptchaForm
{
    [Display(Name = "账号")]
    public string? Account { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.Account).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.Captcha).Required();
    }
}
