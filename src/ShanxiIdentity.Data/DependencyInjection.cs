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
        // Pooled: options built once, and a request rents a context instead of building one (a profile
        // of the login page found 6 % of its CPU in DbContext's constructor). PortalDbContext keeps no
        // state of its own for a reset to miss.
        services.AddDbContextPool<PortalDbContext>(
            options => PortalDatabase.Configure(options, settings.Provider, settings.ConnectionString));
        services.AddScoped<DatabaseMigrator>();

        // Keys in the database, so every instance behind the load balancer reads the same cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("ShanxiIdentity")
            .PersistKeysToDbContext<PortalDbContext>();
        services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(options => options.XmlEncryptor = new Protection.KeyRingEncryptor());
        return services;
    }
}
