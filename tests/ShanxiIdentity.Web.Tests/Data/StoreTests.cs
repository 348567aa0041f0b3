using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Data;

/// <summary>The store the portal migrated at start-up, on each real database.</summary>
public abstract class StoreTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Start_up_applies_every_migration_of_the_provider()
    {
        _ = factory.Server;
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();

        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(factory.Provider switch
        {
            DatabaseProvider.Sqlite => "Microsoft.EntityFrameworkCore.Sqlite",
            DatabaseProvider.PostgreSql => "Npgsql.EntityFrameworkCore.PostgreSQL",
            _ => "unexpected",
        }, db.Database.ProviderName);
    }

    [Fact]
    public async Task One_id_number_can_hold_only_one_personal_account()
    {
        _ = factory.Server;
        var idNumber = "140105" + "19900101" + Random.Shared.Next(100, 999) + "1";
        await AddPersonAsync(idNumber);

        var duplicate = await Assert.ThrowsAsync<DbUpdateException>(() => AddPersonAsync(idNumber));
        Assert.NotNull(duplicate.InnerException);
    }

    [Fact]
    public async Task One_credit_code_can_hold_only_one_legal_entity_account()
    {
        _ = factory.Server;
        var code = "91140100MA0" + Random.Shared.Next(1000000, 9999999);
        await AddOrganisationAsync(code);

        await Assert.ThrowsAsync<DbUpdateException>(() => AddOrganisationAsync(code));
    }

    [Fact]
    public async Task Times_come_back_as_utc()
    {
        _ = factory.Server;
        var at = new DateTime(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc);
        long id;
        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var entry = new AuditEntry { At = at, Action = "test.utc" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            id = entry.Id;
        }

        await using (var scope = factory.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var read = await db.AuditEntries.AsNoTracking().SingleAsync(e => e.Id == id);
            Assert.Equal(at, read.At);
            Assert.Equal(DateTimeKind.Utc, read.At.Kind);
        }
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_the_database()
    {
        // Antiforgery and cookies create the key ring on first use.
        using (await factory.CreateClient().GetAsync(new Uri("/", UriKind.Relative)))
        {
        }

        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var protector = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector("test");
        Assert.Equal("secret", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(protector, Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(protector, "secret")));
        Assert.True(await db.DataProtectionKeys.AnyAsync());
    }

    private async Task AddPersonAsync(string idNumber)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var account = new Account
        {
            Id = Guid.NewGuid(),
            Kind = AccountKind.Person,
            UserName = "u" + Guid.NewGuid().ToString("N")[..10],
            CreatedAt = DateTime.UtcNow,
            Person = new PersonProfile { Name = "张三", ResidentIdNumber = idNumber },
        };
        account.NormalizedUserName = account.UserName!.ToUpperInvariant();
        db.Users.Add(account);
        await db.SaveChangesAsync();
    }

    private async Task AddOrganisationAsync(string creditCode)
    {
        await using var scope = factory.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var account = new Account
        {
            Id = Guid.NewGuid(),
            Kind = AccountKind.LegalEntity,
            UserName = "org" + Guid.NewGuid().ToString("N")[..10],
            CreatedAt = DateTime.UtcNow,
            LegalEntity = new LegalEntityProfile
            {
                Type = LegalEntityType.Enterprise,
                OrganisationName = "太原市示例科技有限公司",
                CreditCode = creditCode,
                RepresentativeName = "李四",
                RepresentativeIdNumber = "11010519491231002X",
            },
        };
        account.NormalizedUserName = account.UserName!.ToUpperInvariant();
        db.Users.Add(account);
        await db.SaveChangesAsync();
    }
}

public sealed class StoreTestsOnSqlite(SqlitePortalFactory factory) : StoreTests<SqlitePortalFactory>(factory);

public sealed class StoreTestsOnPostgreSql(PostgreSqlPortalFactory factory) : StoreTests<PostgreSqlPortalFactory>(factory);
