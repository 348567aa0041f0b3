using System.Security.Claims;

namespace ShanxiIdentity.MyCases;

/// <summary>
/// The organisation the person signed in as (the portal's <c>organization_agent</c> scope): its
/// name, and who acts for it in which role. Null when they signed in for themselves.
/// </summary>
public sealed record ActingFor(string OrganisationName, string CreditCode, string AgentName, string Role, string AuthorizationId, string Expires)
{
    /// <summary>The claims the portal releases when a person acts for an organisation.</summary>
    public static readonly IReadOnlyList<string> Claims =
        ["organization_name", "credit_code", "organization_type", "agent_name", "agent_role", "agent_authorization", "agent_expires"];

    public static ActingFor? From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.FindFirstValue("agent_authorization") is { Length: > 0 } authorization
            && user.FindFirstValue("organization_name") is { Length: > 0 } organisation
            ? new ActingFor(
                organisation,
                user.FindFirstValue("credit_code") ?? string.Empty,
                user.FindFirstValue("agent_name") ?? user.Identity?.Name ?? string.Empty,
                user.FindFirstValue("agent_role") == "administrator" ? "管理员" : "经办人",
                authorization,
                user.FindFirstValue("agent_expires") ?? string.Empty)
            : null;
    }
}
