using Microsoft.EntityFrameworkCore;

namespace ShanxiIdentity.Data;

/// <summary>
/// Points EF Core at one provider and at that provider's migrations assembly
/// (EF Core's layout for several providers: one migrations project each).
/// </summary>
public static class PortalDatabase
{
    public static string MigrationsAssembly(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => "ShanxiIdentity.Data.Sqlite",
        DatabaseProvider.PostgreSql => "ShanxiIdentity.Data.PostgreSql",
        DatabaseProvider.SqlServer => "ShanxiIdentity.Data.SqlServer",
        _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
    };

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = MigrationsAssembly(provider);
        return provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly)),
            DatabaseProvider.PostgreSql => options.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly).EnableRetryOnFailure()),
            DatabaseProvider.SqlServer => options.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly).EnableRetryOnFailure()),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    /// <summary>Options for tools and tests that need a context without the host.</summary>
    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        Configure(builder, provider, connectionString);
        return builder.Options;
    }
}
