namespace ShanxiIdentity.Web.Services.Agents;

public static class AgentServices
{
    /// <summary>经办人管理, 身份切换 and the expiry job.</summary>
    public static IServiceCollection AddAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AgentSettings.From(configuration));
        services.AddScoped<ActingContext>();
        services.AddScoped<ActingSessions>();
        services.AddScoped<AgentInvitees>();
        services.AddScoped<AgentAuthorizations>();
        services.AddScoped<AgentNotices>();
        services.AddScoped<AgentDirectory>();
        services.AddScoped<AgentExpiry>();
        services.AddHostedService<AgentExpiryWorker>();
        return services;
    }
}
