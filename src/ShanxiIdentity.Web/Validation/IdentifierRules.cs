using FluentValidation;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Web.Validation;

/// <summary>FluentValidation rules for the domain's identifiers; the message is the domain's own Chinese reason.</summary>
public static class IdentifierRules
{
    public static IRuleBuilderOptionsConditions<T, string?> ResidentIdNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.ResidentIdNumber.Parse(value).Error));

    public static IRuleBuilderOptionsConditions<T, string?> CreditCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.CreditCode.Parse(value).Error));

    public static IRuleBuilderOptionsConditions<T, string?> MobilePhone<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Custom((value, context) => AddError(context, ShanxiIdentity.Domain.Identifiers.MobilePhone.Parse(value).Error));

    private static void AddError<T>(ValidationContext<T> context, string? error)
    {
        if (error is not null)
        {
            context.AddFailure(error);
        }
    }
}
