using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>个人登录 (账号: ID number or 用户名) or 法人登录 (账号: credit code or 登录账号).</summary>
public sealed class LoginForm : CaptchaForm
{
    /// <summary>"person" or "legal": which of the two tabs the form belongs to.</summary>
    public string? Kind { get; set; }

    public bool IsLegal => Kind == LoginKinds.Legal;

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

public static class LoginKinds
{
    public const string Person = "person";
    public const string Legal = "legal";

    public static ShanxiIdentity.Domain.Accounts.AccountKind ToAccountKind(string? kind) =>
        kind == Legal ? ShanxiIdentity.Domain.Accounts.AccountKind.LegalEntity : ShanxiIdentity.Domain.Accounts.AccountKind.Person;
}
