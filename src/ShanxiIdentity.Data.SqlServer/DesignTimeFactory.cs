using Microsoft.EntityFrameworkCore.Design;

namespace ShanxiIdentity.Data.SqlServer;

/// <summary>Lets `dotnet ef` build the context for this provider; no database is reached to add a migration.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args) =>
        new(PortalDatabase.Options(DatabaseProvider.SqlServer, "Server=localhost;Database=design_time;TrustServerCertificate=True"));
}
