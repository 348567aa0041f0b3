using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// MVC's own messages for values that cannot be bound (a word where a number or a yes/no is
/// expected), in Chinese like every other message; the posted value is never repeated back.
/// </summary>
public static class ChineseBindingMessages
{
    public const string Invalid = FormMessages.ValueInvalid;

    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        messages.SetAttemptedValueIsInvalidAccessor((_, _) => Invalid);
        messages.SetMissingBindRequiredValueAccessor(_ => Invalid);
        messages.SetMissingKeyOrValueAccessor(() => Invalid);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => Invalid);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(_ => Invalid);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => Invalid);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => Invalid);
        messages.SetUnknownValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueIsInvalidAccessor(_ => Invalid);
        messages.SetValueMustBeANumberAccessor(_ => Invalid);
        messages.SetValueMustNotBeNullAccessor(_ => Invalid);
    }
}
