namespace ShanxiIdentity.Web.Models.Agents;

/// <summary>What the terms fields offer: the registered 接入系统 by client id, and the operators' limits.</summary>
public sealed record AgentChoices(IReadOnlyList<(string ClientId, string Name)> Systems, int MaxAdministrators, int MaxValidityDays);
