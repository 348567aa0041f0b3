using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>忘记密码, step one: which account.</summary>
public sealed class ForgotPasswordForm : CaptchaForm
{
    /// <summary>"person" or "legal", as on the login page.</summary>
    public string? Kind { get; set; }

    [Display(Name = "账号")]
    public string? Account { get; set; }
}

public sealed class ForgotPasswordFormValidator : AbstractValidator<ForgotPasswordForm>
{
    public ForgotPasswordFormValidator()
    {
        RuleFor(f => f.Account).Required();
        RuleFor(f => f.Captcha).Required();
    }
}

/// <summary>忘记密码, step two: the SMS code sent to the reserved phone and the new password.</summary>
public sealed class ResetPasswordForm
{
    public string? Ticket { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class ResetPasswordFormValidator : AbstractValidator<ResetPasswordForm>
{
    public ResetPasswordFormValidator()
    {
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.ConfirmPassword).Required().Equal(f => f.Password).WithMessage(Domain.Accounts.AccountMessages.PasswordsDiffer);
    }
}
