using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.BackChannel;

public static class BackChannelRegistration
{
    /// <summary>The logout queue, its worker, the logout tokens and the retention of delivered rows.</summary>
    public static IServiceCollection AddBackChannelLogout(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<BackChannelLogoutOptions>()
            .Bind(configuration.GetSection(BackChannelLogoutOptions.Section))
            .Validate(o => o.BatchSize >= 1 && o.MaxAttempts >= 1 && o.Lease > o.CallTimeout && o.TokenLifetime > TimeSpan.Zero, $"{BackChannelLogoutOptions.Section}: BatchSize and MaxAttempts must be at least 1, Lease longer than CallTimeout.")
            .ValidateOnStart();
        services.AddSingleton<BackChannelDoorbell>();
        services.AddSingleton<LogoutTokens>();
        services.AddSingleton<BackChannelDelivery>();
        services.AddScoped<BackChannelLogouts>();
        services.AddScoped<IRetentionTask, BackChannelLogoutRetention>();
        services.AddHostedService<BackChannelLogoutWorker>();

        // No redirects: a logout token goes to the registered address or nowhere; and never to the
        // portal's host, the metadata service or (unless configured) a private network (SSRF).
        services.AddHttpClient(BackChannelDelivery.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => BackChannelAddressGuard.CreateHandler(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<BackChannelLogoutOptions>>().Value));
        return services;
    }
}
