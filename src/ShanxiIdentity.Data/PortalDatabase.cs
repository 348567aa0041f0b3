using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

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

    // A blip or a fail-over is retried for a couple of seconds; a real outage answers 系统繁忙 (503)
    // at once instead of holding a person's request for the provider default of a minute or more.
    private const int RetryCount = 3;
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    /// <param name="compiledModel">
    /// Whether to use the provider's compiled model (generated code, see README "Migrations") instead
    /// of building the model from the entity configurations; the tools and the drift test build it.
    /// </param>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString, bool compiledModel = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        var assembly = MigrationsAssembly(provider);
        if (compiledModel && !EF.IsDesignTime && CompiledModel(provider) is { } model)
        {
            options.UseModel(model);
        }

        return provider switch
        {
            DatabaseProvider.Sqlite => UseSqlite(options, connectionString, assembly),
            DatabaseProvider.PostgreSql => UsePostgreSql(options, connectionString, assembly),
            DatabaseProvider.SqlServer => UseSqlServer(options, connectionString, assembly),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
    }

    // One method per provider, never inlined: the runtime loads a provider's assemblies (and their
    // types) when it prepares a method that names them, so the portal on one database does not carry
    // the other two in memory.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlite(DbContextOptionsBuilder options, string connectionString, string assembly) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(assembly)).AddInterceptors(SqliteBusyTimeout.Instance);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UsePostgreSql(DbContextOptionsBuilder options, string connectionString, string assembly) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(assembly).EnableRetryOnFailure(RetryCount, RetryDelay, null));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static DbContextOptionsBuilder UseSqlServer(DbContextOptionsBuilder options, string connectionString, string assembly) =>
        options.UseSqlServer(connectionString, o => o.MigrationsAssembly(assembly).EnableRetryOnFailure(RetryCount, RetryDelay, null));

    /// <summary>The model `dotnet ef dbcontext optimize` generated into the provider's migrations assembly, if any.</summary>
    public static IModel? CompiledModel(DatabaseProvider provider) =>
        Assembly.Load(MigrationsAssembly(provider)).GetCustomAttributes<DbContextModelAttribute>()
            .FirstOrDefault(a => a.ContextType == typeof(PortalDbContext))?
            .ModelType.GetProperty("Instance", BindingFlags.Public | BindingFlags.Static)?.GetValue(null) as IModel;

    /// <summary>Options for tools and tests that need a context without the host.</summary>
    public static DbContextOptions<PortalDbContext> Options(DatabaseProvider provider, string connectionString, bool compiledModel = true)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        Configure(builder, provider, connectionString, compiledModel);
        return builder.Options;
    }
}
