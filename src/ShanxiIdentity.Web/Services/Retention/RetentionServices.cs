namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>The retention job and the kinds of data it keeps within their periods (docs/operations.md, 数据保存期限).</summary>
public static class RetentionServices
{
    public static IServiceCollection AddRetention(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(RetentionSettings.From(configuration));
        services.AddScoped<JobLeases>();
        services.AddSingleton<RetentionRun>();
        services.AddHostedService<RetentionWorker>();
        services.AddScoped<IRetentionTask, SmsOutboxRetention>();
        services.AddScoped<IRetentionTask, SpentCodesRetention>();
        services.AddScoped<IRetentionTask, QrSignInRetention>();
        services.AddScoped<IRetentionTask, SignInSessionRetention>();
        services.AddScoped<IRetentionTask, MaterialScanRetention>();
        services.AddScoped<IRetentionTask, ProtocolTokenRetention>();
        services.AddScoped<IRetentionTask, AuditRetention>();
        return services;
    }
}
