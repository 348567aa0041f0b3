using System.ComponentModel.DataAnnotations;
using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

/// <summary>法人注册.</summary>
public sealed class RegisterLegalEntityForm : CaptchaForm
{
    /// <summary>Where to go once registered: a client system's authorization request when the person came from one.</summary>
    public string? ReturnUrl { get; set; }

    [Display(Name = "法人类型")]
    public string? Type { get; set; }

    [Display(Name = "单位名称")]
    public string? OrganisationName { get; set; }

    [Display(Name = "统一社会信用代码")]
    public string? CreditCode { get; set; }

    [Display(Name = "法定代表人姓名")]
    public string? RepresentativeName { get; set; }

    [Display(Name = "法定代表人身份证号")]
    public string? RepresentativeIdNumber { get; set; }

    [Display(Name = "总公司统一社会信用代码")]
    public string? HeadOfficeCreditCode { get; set; }

    [Display(Name = "登录账号")]
    public string? LoginName { get; set; }

    [Display(Name = "手机号")]
    public string? Phone { get; set; }

    [Display(Name = "短信验证码")]
    public string? SmsCode { get; set; }

    [Display(Name = "密码")]
    [DataType(DataType.Password)]
    public string? Password { get; set; }

    [Display(Name = "确认密码")]
    [DataType(DataType.Password)]
    public string? ConfirmPassword { get; set; }

    [Display(Name = "我已阅读并同意《山西省政务服务网用户协议》")]
    public bool AcceptAgreement { get; set; }

    public LegalEntityType? ParsedType => Enum.TryParse<LegalEntityType>(Type, out var type) && Enum.IsDefined(type) ? type : null;

    public bool IsBranch => ParsedType == LegalEntityType.EnterpriseBranch;
}

public sealed class RegisterLegalEntityFormValidator : AbstractValidator<RegisterLegalEntityForm>
{
    public RegisterLegalEntityFormValidator()
    {
        RuleFor(f => f.Type).Required().Must(t => Enum.TryParse<LegalEntityType>(t, out var type) && Enum.IsDefined(type)).WithMessage("请选择法人类型");
        RuleFor(f => f.OrganisationName).Required()
            .Must(n => n!.Trim().Length is >= 2 and <= 200 && !n.Any(char.IsControl)).WithMessage(AccountMessages.OrganisationNameInvalid);
        RuleFor(f => f.CreditCode).Required().CreditCode();
        RuleFor(f => f.RepresentativeName).Required().Must(n => PersonName.NormalizeName(n) is not null).WithMessage(AccountMessages.NameInvalid);
        RuleFor(f => f.RepresentativeIdNumber).Required().ResidentIdNumber();
        RuleFor(f => f.HeadOfficeCreditCode).Required().CreditCode()
            .Must((form, code) => Domain.Identifiers.CreditCode.Parse(code).Value?.Value != Domain.Identifiers.CreditCode.Parse(form.CreditCode).Value?.Value)
            .WithMessage(AccountMessages.HeadOfficeSameAsBranch)
            .When(f => f.IsBranch);
        RuleFor(f => f.LoginName).Required().Must(LegalEntityRules.IsValidLoginName).WithMessage(AccountMessages.LoginNameInvalid);
        RuleFor(f => f.Phone).Required().MobilePhone();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Password).Required().Custom((password, context) =>
        {
            var form = context.InstanceToValidate;
            foreach (var error in PasswordPolicy.Check(password, ResidentIdNumber.Parse(form.RepresentativeIdNumber).Value?.Value, MobilePhone.Parse(form.Phone).Value?.Value, form.LoginName?.Trim()))
            {
                context.AddFailure(error);
            }
        });
        RuleFor(f => f.ConfirmPassword).Required().Equal(f => f.Password).WithMessage(AccountMessages.PasswordsDiffer);
        RuleFor(f => f.Captcha).Required();
        RuleFor(f => f.AcceptAgreement).Equal(true).WithMessage(AccountMessages.AgreementRequired);
    }
}
