using ShanxiIdentity.Web.Services.Retention;

namespace ShanxiIdentity.Web.Services.Closing;

public static class ClosingRegistration
{
    /// <summary>注销账号: the setting, the request and cancellation, the counter's path and the closing task.</summary>
    public static IServiceCollection AddAccountClosing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(AccountClosingSettings.From(configuration));
        services.AddScoped<ClosingBlockers>();
        services.AddScoped<AccountClosings>();
        services.AddScoped<CounterClosing>();
        services.AddScoped<AuditScrubber>();
        services.AddScoped<AccountErasure>();
        services.AddScoped<IRetentionTask, ClosedAccountsTask>();
        return services;
    }
}
