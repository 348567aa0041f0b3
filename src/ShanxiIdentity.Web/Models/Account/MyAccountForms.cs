using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>One line of 我的账号: a label, the value (identifiers already masked) and a stable name for tests and scripts.</summary>
public sealed record ProfileRow(string Label, string Value, string Field);

/// <summary>What 我的账号 shows: identifiers masked on the server.</summary>
public sealed record MyAccountView(string Heading, IReadOnlyList<ProfileRow> Rows, bool IsLegalEntity, string MaterialsUserType)
{
    /// <summary>Changes made at a service hall, newest first: what, and when it took effect (China time).</summary>
    public IReadOnlyList<(string Change, string AppliedAt)> CounterChanges { get; init; } = [];

    /// <summary>The client systems the person has consented to (已授权的业务系统).</summary>
    public IReadOnlyList<Services.SingleSignOn.ConsentView> Consents { get; init; } = [];

    public ChangePasswordForm ChangePassword { get; init; } = new();

    public ChangePhoneForm ChangePhone { get; init; } = new();
}

public sealed class ChangePasswordForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "新密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }
}

public sealed class ChangePasswordFormValidator : AbstractValidator<ChangePasswordForm>
{
    public ChangePasswordFormValidator()
    {
        RuleFor(f => f.CurrentPassword).Required();
        RuleFor(f => f.Password).Required();
        RuleFor(f => f.ConfirmPassword).Required().Equal(f => f.Password).WithMessage(AccountMessages.PasswordsDiffer);
    }
}

public sealed class ChangePhoneForm
{
    [Display(Name = "当前密码")]
    [DataType(DataType.Password)]
    public string? CurrentPassword { get; set; }

    [Display(Name = "新手机号")]
    public string? NewPhone { get; set; }

    [Display(Name = "原手机号短信验证码")]
    public string? OldPhoneCode { get; set; }

    [Display(Name = "新手机号短信验证码")]
    public string? NewPhoneCode { get; set; }
}

public sealed class ChangePhoneFormValidator : AbstractValidator<ChangePhoneForm>
{
    public ChangePhoneFormValidator()
    {
        RuleFor(f => f.CurrentPassword).Required();
        RuleFor(f => f.NewPhone).Required().MobilePhone();
        RuleFor(f => f.OldPhoneCode).Required().SixDigitCode();
        RuleFor(f => f.NewPhoneCode).Required().SixDigitCode();
    }
}
