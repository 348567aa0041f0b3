using FluentValidation;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Web.Areas.Counter.Models;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>
/// The shape of the terms (a role chosen, two dates); what the dates may be (not in the past, not
/// too long) is <see cref="AgentTerms.Refusal"/>'s, checked by the service with the clock and the settings.
/// </summary>
public abstract class AgentTermsFormValidator<T> : AbstractValidator<T>
    where T : AgentTermsForm
{
    protected AgentTermsFormValidator()
    {
        RuleFor(f => f.Role).NotNull().WithMessage(AgentMessages.ChooseRole).IsInEnum().WithMessage(AgentMessages.ChooseRole);
        RuleFor(f => f.StartsOn).Required().Must(d => DateInput.Parse(d) is not null).WithMessage(AgentMessages.DateFormat);
        RuleFor(f => f.EndsOn).Required().Must(d => DateInput.Parse(d) is not null).WithMessage(AgentMessages.DateFormat);
    }
}
