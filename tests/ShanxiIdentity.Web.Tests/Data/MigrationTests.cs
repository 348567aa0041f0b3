using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Tests.Data;

/// <summary>Each provider's migrations cover the model exactly; no change to the model goes unmigrated.</summary>
public sealed class MigrationTests
{
    // The model diff needs no server, so any syntactically valid connection string will do.
    public static TheoryData<DatabaseProvider, string> Providers => new()
    {
        { DatabaseProvider.Sqlite, "Data Source=:memory:" },
        { DatabaseProvider.PostgreSql, "Host=localhost;Database=model_check" },
        { DatabaseProvider.SqlServer, "Server=localhost;Database=model_check;TrustServerCertificate=True" },
    };

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_has_no_changes_that_no_migration_covers(DatabaseProvider provider, string connectionString)
    {
        using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString, compiledModel: false));

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes that no {provider} migration covers: add one for every provider with scripts/add-migration.sh <Name>");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Compiled_model_is_the_model_the_code_describes(DatabaseProvider provider, string connectionString)
    {
        using var built = new PortalDbContext(PortalDatabase.Options(provider, connectionString, compiledModel: false));
        using var compiled = new PortalDbContext(PortalDatabase.Options(provider, connectionString));

        var model = PortalDatabase.CompiledModel(provider);
        Assert.NotNull(model);
        Assert.Same(model, compiled.Model);
        Assert.True(
            built.Model.ToDebugString(MetadataDebugStringOptions.LongDefault) == model.ToDebugString(MetadataDebugStringOptions.LongDefault),
            $"The compiled model of {provider} is out of date: regenerate the compiled models with scripts/compiled-models.sh");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Migrations_live_in_the_providers_own_assembly(DatabaseProvider provider, string connectionString)
    {
        using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
        var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;

        Assert.Equal(PortalDatabase.MigrationsAssembly(provider), assembly);
    }

    [Fact]
    public void Sql_server_migration_script_generates_with_every_table()
    {
        // SQL Server cannot run on these machines: the script is the proof its migrations are sound.
        using var db = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.SqlServer, "Server=localhost;Database=script_check;TrustServerCertificate=True"));
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        foreach (var table in new[] { "AspNetUsers", "PersonProfiles", "LegalEntityProfiles", "ReservedPhoneChanges", "CounterRequests", "CounterRequestMaterials", "MaterialScans", "AuditEntries", "SmsOutbox", "SpentCaptchas", "DataProtectionKeys" })
        {
            Assert.Contains($"CREATE TABLE [{table}]", script, StringComparison.Ordinal);
        }

        Assert.Contains("CREATE UNIQUE INDEX [IX_PersonProfiles_ResidentIdNumber]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [IX_LegalEntityProfiles_CreditCode]", script, StringComparison.Ordinal);
        Assert.Contains("CREATE UNIQUE INDEX [UserNameIndex]", script, StringComparison.Ordinal);
    }
}
