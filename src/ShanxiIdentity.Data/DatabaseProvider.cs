namespace ShanxiIdentity.Data;

/// <summary>The database engines the portal runs on, chosen by <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
