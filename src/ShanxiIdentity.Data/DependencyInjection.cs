using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShanxiIdentity.Data;

public static class DependencyInjection
{
    /// <summary>The database on the configured provider, the personal-data key, and Data Protection keys kept in the database.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot, bool development)
    {
        var settings = DatabaseSettings.From(configuration, contentRoot);
        Protection.PersonalData.Configure(configuration, contentRoot, development);
        services.AddSingleton(settings);
        // Options built once, not for every request's context (a profile of the login page found 3 % of
        // its time configuring the provider again).
        services.AddDbContext<PortalDbContext>(
            options => PortalDatabase.Configure(options, settings.Provider, settings.ConnectionString),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<DatabaseMigrator>();

        // Keys in the database, so every instance behind the load balancer reads the same cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("ShanxiIdentity")
            .PersistKeysToDbContext<PortalDbContext>();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options => options.XmlEncryptor = new Protection.KeyRingEncryptor());
        return services;
    }
}
