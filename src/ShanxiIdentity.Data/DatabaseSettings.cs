using Microsoft.Extensions.Configuration;

namespace ShanxiIdentity.Data;

/// <summary>Where the portal's data lives, read once from configuration and checked.</summary>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, bool MigrateOnStartup)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringKey = "ConnectionStrings:Default";
    public const string MigrateOnStartupKey = "Database:MigrateOnStartup";

    /// <summary>The SQLite file a fresh clone uses, under the app's own folder.</summary>
    public const string DefaultSqliteFile = "App_Data/shanxi-identity.db";

    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        var providerText = configuration[ProviderKey];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider) || !Enum.IsDefined(provider))
        {
            throw new PortalConfigurationException(
                ProviderKey,
                $"不支持的数据库类型“{providerText}”，可选值为 Sqlite、PostgreSql、SqlServer。");
        }

        var connectionString = configuration[ConnectionStringKey];
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider != DatabaseProvider.Sqlite)
            {
                throw new PortalConfigurationException(
                    ConnectionStringKey,
                    $"使用 {provider} 时必须提供数据库连接字符串。");
            }

            var file = Path.Combine(contentRoot, DefaultSqliteFile);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            connectionString = $"Data Source={file}";
        }

        var migrate = configuration.GetValue(MigrateOnStartupKey, defaultValue: true);
        return new DatabaseSettings(provider, connectionString, migrate);
    }
}
