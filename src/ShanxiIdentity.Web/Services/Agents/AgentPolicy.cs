using Microsoft.AspNetCore.Authorization;

namespace ShanxiIdentity.Web.Services.Agents;

/// <summary>经办人管理: the 法人账号 or a person acting for the organisation as its 管理员.</summary>
public static class AgentPolicy
{
    public const string OrganisationAdministrator = "organisation.administrator";

    public static void AddAgentPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(OrganisationAdministrator, policy => policy
            .RequireAuthenticatedUser()
            .RequireAssertion(context => context.Resource is HttpContext http
                && http.RequestServices.GetRequiredService<ActingContext>().Administrator is not null));
    }
}
