using Microsoft.EntityFrameworkCore.Design;

namespace ShanxiIdentity.Data.PostgreSql;

/// <summary>Lets `dotnet ef` build the context for this provider; no database is reached to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.PostgreSql, "Host=localhost;Database=design_time"));
}
