using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Account;

public sealed class SmsLoginFormValidator : AbstractValidator<SmsLoginForm>
{
    public SmsLoginFormValidator()
    {
        RuleFor(f => f.Phone).Required().MobilePhone();
        RuleFor(f => f.SmsCode).Required().SixDigitCode();
        RuleFor(f => f.Captcha).Required();
    }
}
