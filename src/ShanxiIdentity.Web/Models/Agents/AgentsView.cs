using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>经办人管理: the organisation's authorisations and the grant form; <paramref name="Own"/> is the acting 管理员's own authorisation, which they cannot change.</summary>
public sealed record AgentsView(IReadOnlyList<AgentRow> Rows, GrantAgentForm Grant, AgentChoices Choices, Guid? Own);
