using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace ShanxiIdentity.Web.Validation;

/// <summary>
/// Runs the form's validator before the action: for every bound action argument whose type has an
/// <see cref="IValidator{T}"/> in the container, its failures go into ModelState under the keys the
/// form's fields were posted with, so the action reads <c>ModelState.IsValid</c> as it always did.
/// (Our own replacement for FluentValidation.AspNetCore's automatic validation, which its author
/// no longer maintains.)
/// </summary>
public sealed class FormValidationFilter : IAsyncActionFilter
{
    private static readonly ConcurrentDictionary<Type, Type> ValidatorTypes = new();

    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        IValueProvider? posted = null;
        foreach (var parameter in context.ActionDescriptor.Parameters)
        {
            if (!context.ActionArguments.TryGetValue(parameter.Name, out var argument) || argument is null
                || context.HttpContext.RequestServices.GetService(ValidatorTypes.GetOrAdd(parameter.ParameterType, t => typeof(IValidator<>).MakeGenericType(t))) is not IValidator validator)
            {
                continue;
            }

            posted ??= await PostedValuesAsync(context).ConfigureAwait(false);
            var prefix = FieldPrefix(parameter, posted);
            var result = await validator.ValidateAsync(new ValidationContext<object>(argument), context.HttpContext.RequestAborted).ConfigureAwait(false);
            foreach (var failure in result.Errors)
            {
                context.ModelState.AddModelError(ModelNames.CreatePropertyModelName(prefix, failure.PropertyName), failure.ErrorMessage);
            }
        }

        await next().ConfigureAwait(false);
    }

    /// <summary>The prefix model binding used: the [Bind(Prefix)] given, else the parameter's name when fields were posted under it, else none.</summary>
    private static string FieldPrefix(Microsoft.AspNetCore.Mvc.Abstractions.ParameterDescriptor parameter, IValueProvider posted) =>
        parameter.BindingInfo?.BinderModelName
        ?? (posted.ContainsPrefix(parameter.Name) ? parameter.Name : string.Empty);

    private static async Task<IValueProvider> PostedValuesAsync(ActionExecutingContext context) =>
        context.Controller is ControllerBase controller
            ? await CompositeValueProvider.CreateAsync(controller.ControllerContext).ConfigureAwait(false)
            : new CompositeValueProvider();
}
