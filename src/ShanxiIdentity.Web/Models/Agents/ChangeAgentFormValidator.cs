namespace ShanxiIdentity.Web.Models.Agents;

public sealed class ChangeAgentFormValidator : AgentTermsFormValidator<ChangeAgentForm>;
