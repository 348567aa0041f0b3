using Microsoft.EntityFrameworkCore;

namespace ShanxiIdentity.MyCases.Data;

/// <summary>For <c>dotnet ef</c>: the schema does not depend on where the file is.</summary>
internal sealed class CasesDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<CasesDbContext>
{
    public CasesDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CasesDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
