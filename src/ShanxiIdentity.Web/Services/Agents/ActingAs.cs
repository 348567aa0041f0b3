using ShanxiIdentity.Domain.Agents;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>The organisation a signed-in person acts for in this browser (身份切换), as the header shows it.</summary>
public sealed record ActingAs(Guid AuthorizationId, Guid OrganisationAccountId, string OrganisationName, AgentRole Role, DateOnly EndsOn);
