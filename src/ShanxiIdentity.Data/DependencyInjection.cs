using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ShanxiIdentity.Data;

public static class DependencyInjection
{
    /// <summary>The database on the configured provider, and Data Protection keys kept in it.</summary>
    public static IServiceCollection AddPortalData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var settings = DatabaseSettings.From(configuration, contentRoot);
        services.AddSingleton(settings);
        services.AddDbContext<PortalDbContext>(options => PortalDatabase.Configure(options, settings.Provider, settings.ConnectionString));
        services.AddScoped<DatabaseMigrator>();

        // Keys in the database, so every instance behind the load balancer reads the same cookies and tokens.
        services.AddDataProtection()
            .SetApplicationName("ShanxiIdentity")
            .PersistKeysToDbContext<PortalDbContext>();
        return services;
    }
}
