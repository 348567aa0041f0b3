using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Bulk accounts straight into the database (not through the web form): valid, distinct ID numbers
/// and one Argon2id hash computed once, so every login still pays for a real verification.
/// </summary>
internal static class AccountSeeder
{
    public const string Password = "Bench#Fen-Jiu82";

    public static string IdNumber(int index)
    {
        // 20,000 birth days × 50 sequence numbers: a million distinct, valid numbers.
        var birth = new DateOnly(1950, 1, 1).AddDays(index % 20_000);
        var body = $"140105{birth:yyyyMMdd}{(index / 20_000) % 1000:000}";
        return body + ResidentIdNumber.ComputeCheckCharacter(body);
    }

    /// <summary>
    /// Adds the accounts numbered from <paramref name="first"/> up to <paramref name="total"/>
    /// (by number, not by count: accounts registered during the run are not among them).
    /// </summary>
    public static async Task SeedAsync(DatabaseProvider provider, string connectionString, string passwordHash, int first, int total)
    {
        const int batch = 5_000;
        for (var start = first; start < total; start += batch)
        {
            await using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var now = DateTime.UtcNow;
            for (var i = start; i < Math.Min(total, start + batch); i++)
            {
                var id = Guid.NewGuid();
                var name = "id-" + id.ToString("N");
                db.Users.Add(new Account
                {
                    Id = id,
                    Kind = AccountKind.Person,
                    UserName = name,
                    NormalizedUserName = name.ToUpperInvariant(),
                    PasswordHash = passwordHash,
                    SecurityStamp = Guid.NewGuid().ToString("N"),
                    ConcurrencyStamp = Guid.NewGuid().ToString(),
                    PhoneNumber = "139" + i.ToString("00000000", System.Globalization.CultureInfo.InvariantCulture),
                    PhoneNumberConfirmed = true,
                    LockoutEnabled = true,
                    CreatedAt = now,
                    Person = new PersonProfile { Name = "测试用户", ResidentIdNumber = IdNumber(i), RealNameVerifiedAt = now },
                });
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// What a DBA does after a bulk load: on PostgreSQL, statistics and the visibility map now,
    /// rather than autovacuum catching up on the new rows while the portal starts or is measured.
    /// </summary>
    public static async Task SettleAsync(DatabaseProvider provider, string connectionString)
    {
        if (provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        await using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE)").ConfigureAwait(false);
    }
}
