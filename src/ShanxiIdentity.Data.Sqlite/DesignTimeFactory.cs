using Microsoft.EntityFrameworkCore.Design;

namespace ShanxiIdentity.Data.Sqlite;

/// <summary>Lets `dotnet ef` build the context for this provider; no database is reached to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}
