using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Web.Tests.Hosting;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>What someone holding only the database sees of ID numbers and phones: ciphertext.</summary>
public abstract class PersonalDataAtRestTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task Id_numbers_and_phones_are_stored_encrypted_and_still_found_by_equality()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        var stored = string.Join(
            "\n",
            await RawColumnAsync("PersonProfiles", "ResidentIdNumber"),
            await RawColumnAsync("AspNetUsers", "PhoneNumber"),
            await RawColumnAsync("ReservedPhoneChanges", "NewPhone"),
            await RawColumnAsync("SmsOutbox", "Phone"),
            await RawColumnAsync("SmsCodes", "Phone"),
            await RawColumnAsync("SmsThrottles", "Phone"),
            await RawColumnAsync("Residents", "ResidentIdNumber"));

        Assert.DoesNotContain(citizen.IdNumber, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.Phone, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(citizen.IdNumber[6..14], stored, StringComparison.Ordinal); // not even the birth date
        Assert.All(stored.Split('\n', StringSplitOptions.RemoveEmptyEntries), value => Assert.StartsWith(PersonalData.Cipher.CurrentPrefix, value, StringComparison.Ordinal));

        // Lookups by equality and the unique index work on the stored form.
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        Assert.Equal(1, await factory.QueryAsync(db => db.PersonProfiles.CountAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
    }

    [Fact]
    public async Task Values_written_in_clear_around_the_portal_are_refused_not_taken_as_they_are()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var accountId = await factory.QueryAsync(db => db.Users.Where(u => u.PhoneNumber == citizen.Phone).Select(u => u.Id).SingleAsync());
        var resident = Citizen.New();

        // Written straight into the database, in clear: the portal never writes a value this way.
        await ExecuteAsync($"UPDATE {Q("AspNetUsers")} SET {Q("PhoneNumber")} = '{citizen.Phone}' WHERE {Q("PhoneNumber")} = '{PersonalData.Cipher.Protect(citizen.Phone)}'");
        await ExecuteAsync($"INSERT INTO {Q("Residents")} ({Q("ResidentIdNumber")}, {Q("Name")}, {Q("ImportedAt")}) VALUES ('{resident.IdNumber}', '{resident.Name}', '2024-01-01 00:00:00')");

        try
        {
            await AssertRefusedAsync(citizen, accountId, resident);
        }
        finally
        {
            // The class's other tests read every row of these tables: leave them as the portal writes them.
            await ExecuteAsync($"UPDATE {Q("AspNetUsers")} SET {Q("PhoneNumber")} = '{PersonalData.Cipher.Protect(citizen.Phone)}' WHERE {Q("PhoneNumber")} = '{citizen.Phone}'");
            await ExecuteAsync($"DELETE FROM {Q("Residents")} WHERE {Q("ResidentIdNumber")} = '{resident.IdNumber}'");
        }
    }

    private async Task AssertRefusedAsync(Citizen citizen, Guid accountId, Citizen resident)
    {
        // Reading the row fails with a reason instead of handing the clear value on.
        var refused = await Assert.ThrowsAsync<UnprotectedValueException>(() => factory.QueryAsync(db => db.Users.Where(u => u.Id == accountId).Select(u => u.PhoneNumber).SingleAsync()));
        Assert.DoesNotContain(citizen.Phone, refused.Message, StringComparison.Ordinal);
        Assert.Throws<UnprotectedValueException>(() => PersonalData.Cipher.Unprotect(citizen.Phone));

        // The account with the clear phone does not sign in; the resident in clear is no resident to the real-name check.
        var login = await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.NotEqual("/my", login.Location);
        var registered = await factory.RegisterAsync(factory.NewSession(), resident);
        Assert.NotEqual("/my", registered.Location);
        Assert.Equal(0, await factory.QueryAsync(db => db.PersonProfiles.CountAsync(p => p.ResidentIdNumber == resident.IdNumber)));
    }

    [Fact]
    public async Task The_data_protection_key_ring_is_stored_encrypted_and_still_signs_people_in()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        var ring = await factory.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());

        Assert.NotEmpty(ring);
        Assert.All(ring, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);
    }

    private string Q(string identifier)
    {
        using var scope = factory.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
    }

    private Task<int> ExecuteAsync(string sql) => factory.QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    private Task<string> RawColumnAsync(string table, string column) => factory.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Q(column)} FROM {Q(table)} WHERE {Q(column)} IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return string.Join("\n", values);
    });
}

public sealed class PersonalDataAtRestTestsOnSqlite(SqlitePortalFactory factory) : PersonalDataAtRestTests<SqlitePortalFactory>(factory);

public sealed class PersonalDataAtRestTestsOnPostgreSql(PostgreSqlPortalFactory factory) : PersonalDataAtRestTests<PostgreSqlPortalFactory>(factory);

[Trait("Category", "Slow")]
public sealed class PersonalDataKeyTests
{
    [Theory]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("c2hvcnQ=")]
    public async Task Without_a_proper_key_the_portal_refuses_to_start_and_names_the_setting(string key)
    {
        var outcome = await PortalProcess.RunAsync(new Dictionary<string, string> { ["Protection__PersonalDataKey"] = key }, "migrate");

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(PersonalData.KeySetting, outcome.Error, StringComparison.Ordinal);
    }
}
