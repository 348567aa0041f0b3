using Microsoft.Extensions.Options;
using Polly;

namespace ShanxiIdentity.Web.Services.Sms;

public static class SmsRegistration
{
    /// <summary>The outbox, its worker and the per-try policy; the gateway itself is chosen with the other external systems.</summary>
    public static IServiceCollection AddSmsOutbox(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SmsDeliveryOptions>()
            .Bind(configuration.GetSection(SmsDeliveryOptions.Section))
            .Validate(o => o.QuickRetries >= 1 && o.BatchSize >= 1 && o.Lease > o.TryBudget, $"{SmsDeliveryOptions.Section}: QuickRetries and BatchSize must be at least 1, and Lease longer than a try can take.")
            .ValidateOnStart();
        services.AddSingleton<DevelopmentPhone>();
        services.AddSingleton<SmsDoorbell>();
        services.AddScoped<SmsOutbox>();
        services.AddScoped<SmsCodeService>();
        services.AddSingleton<SmsDelivery>();
        services.AddHostedService<SmsOutboxWorker>();
        services.AddResiliencePipeline<string, bool>(SmsDelivery.PipelineName, (pipeline, context) =>
            SmsDelivery.ConfigurePipeline(pipeline, context.ServiceProvider.GetRequiredService<IOptions<SmsDeliveryOptions>>().Value));
        return services;
    }
}
