using FluentValidation;
using ShanxiIdentity.Web.Validation;

namespace ShanxiIdentity.Web.Models.Agents;

public sealed class GrantAgentFormValidator : AgentTermsFormValidator<GrantAgentForm>
{
    public GrantAgentFormValidator()
    {
        RuleFor(f => f.PersonName).Required().PersonName();
        RuleFor(f => f.PersonIdNumber).Required().ResidentIdNumber();
    }
}
