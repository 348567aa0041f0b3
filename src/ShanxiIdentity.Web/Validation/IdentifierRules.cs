using FluentValidation;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Validation;

/// <summary>FluentValidation rules for the domain's identifiers; the message is the domain's own Chinese reason.</summary>
public static class IdentifierRules
{
    public static IRuleBuilderOptionsConditions<T, string?> ResidentIdNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.ResidentIdNumber.Parse(value).Error));

    /// <summary>A credit code typed online: every check of GB 32100, the check characters included.</summary>
    public static IRuleBuilderOptionsConditions<T, string?> CreditCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.CreditCode.Parse(value).Error));

    /// <summary>
    /// A credit code at the counter, where the licence in the clerk's hand decides: shape, category
    /// and division, not the check characters (see <see cref="Domain.Identifiers.CreditCode.ParseAsIssued"/>).
    /// </summary>
    public static IRuleBuilderOptionsConditions<T, string?> CreditCodeAsIssued<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.CreditCode.ParseAsIssued(value).Error));

    public static IRuleBuilderOptionsConditions<T, string?> MobilePhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.MobilePhone.Parse(value).Error));

    /// <summary>
    /// A starred field: empty says which (请输入身份证号; the error summary opens with the seed's
    /// 带星号为必填项), and nothing else is checked until it is filled.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop).NotEmpty().WithMessage(FormMessages.MissingPrefix + "{PropertyName}");

    public static IRuleBuilderOptions<T, string?> SixDigitCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(code => code?.Trim() is { Length: 6 } trimmed && IdentifierText.AllAsciiDigits(trimmed)).WithMessage(AccountMessages.SmsCodeFormat);

    internal static void AddErrors<T>(ValidationContext<T> context, IEnumerable<string> errors)
    {
        foreach (var error in errors)
        {
            context.AddFailure(error);
        }
    }

    private static void AddError<T>(ValidationContext<T> context, string? error)
    {
        if (error is not null)
        {
            context.AddFailure(error);
        }
    }
}
