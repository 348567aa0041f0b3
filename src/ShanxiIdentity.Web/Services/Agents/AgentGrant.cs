using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>An authorisation to grant: the person by 姓名 and 身份证号 (normalised), and the terms.</summary>
public sealed record AgentGrant(string PersonName, string PersonIdNumber, AgentTerms Terms);
