using ShanxiIdentity.Web.Services.Agents;

namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>修改授权: the authorisation as it stands and the form of its terms.</summary>
public sealed record AgentEditView(AgentRow Row, ChangeAgentForm Form, AgentChoices Choices);
