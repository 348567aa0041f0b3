using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Hosting;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// Changing <c>Protection:PersonalDataKey</c>: the test portal runs with the new key and the old
/// one in <c>Protection:PreviousPersonalDataKeys</c>; rows written under the old key are read and
/// found by ID number until <c>reencrypt-personal-data</c> has rewritten them, after which the new
/// key alone reads everything.
/// </summary>
public abstract class PersonalDataRotationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private static readonly PersonalDataCipher OldKeyOnly = new(Convert.FromBase64String(PortalFactory.TestPreviousPersonalDataKey));
    private static readonly PersonalDataCipher NewKeyOnly = new(Convert.FromBase64String(PortalFactory.TestPersonalDataKey));

    private static readonly (string Table, string Column)[] Columns = [("PersonProfiles", "ResidentIdNumber"), ("AspNetUsers", "PhoneNumber"), ("Residents", "ResidentIdNumber")];

    [Fact]
    public async Task Rows_under_the_old_key_stay_usable_and_the_command_moves_them_to_the_new_key_resumably()
    {
        var citizens = new List<Citizen>();
        for (var i = 0; i < 3; i++)
        {
            citizens.Add((await factory.RegisteredCitizenAsync()).Citizen);
        }

        // A counter request with its scans archived.
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizens[0].IdNumber));
        var requestUrl = (await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
        })).Location!;
        await clerk.CompleteMaterialsAsync(requestUrl, factory);
        await ResealScansAsync(stored => OldKeyOnly.Seal(PersonalData.OpenScan(stored), SealPurpose.Scan));

        // As the portal left them before the switch: everything under the old key, the key ring too.
        foreach (var (table, column) in Columns)
        {
            foreach (var (id, value) in await RawColumnAsync(table, column))
            {
                await UpdateAsync(table, column, id, OldKeyOnly.Protect(PersonalData.Cipher.Unprotect(value)));
            }
        }

        await RewriteKeyRingAsync(sealedKey => OldKeyOnly.Seal(PersonalData.Cipher.Open(sealedKey)));
        Assert.All(await AllValuesAsync(), value => Assert.StartsWith(OldKeyOnly.CurrentPrefix, value, StringComparison.Ordinal));

        // During the rotation: read and found by ID number (sign-in), and the registered check still sees them.
        await AssertEveryoneSignsInAsync(citizens);
        await AssertScanDownloadsAsync(clerk, requestUrl);

        // Stopped midway (after two batches of one row): some rows moved, others not yet; still usable.
        var partial = await ReencryptAsync("--batch-size", "1", "--batches", "2");
        Assert.Equal(0, partial.ExitCode);
        Assert.Contains("run the command again", partial.Output, StringComparison.Ordinal);
        var midway = await AllValuesAsync();
        Assert.Equal(2, midway.Count(v => v.StartsWith(NewKeyOnly.CurrentPrefix, StringComparison.Ordinal)));
        Assert.Contains(midway, v => v.StartsWith(OldKeyOnly.CurrentPrefix, StringComparison.Ordinal));
        await AssertEveryoneSignsInAsync(citizens);

        // Run again: it finishes.
        var rest = await ReencryptAsync("--batch-size", "2");
        Assert.True(rest.ExitCode == 0, rest.Error);
        Assert.Contains("done", rest.Output, StringComparison.Ordinal);
        Assert.Contains("AspNetUsers.PhoneNumber", rest.Output, StringComparison.Ordinal);

        // The old key removed: the new key alone reads every value and the key ring.
        foreach (var (table, column) in Columns)
        {
            foreach (var (_, value) in await RawColumnAsync(table, column))
            {
                Assert.StartsWith(NewKeyOnly.CurrentPrefix, value, StringComparison.Ordinal);
                _ = NewKeyOnly.Unprotect(value);
            }
        }

        var ids = (await RawColumnAsync("PersonProfiles", "ResidentIdNumber")).Select(v => NewKeyOnly.Unprotect(v.Value)).ToList();
        Assert.All(citizens, c => Assert.Contains(c.IdNumber, ids));
        await RewriteKeyRingAsync(sealedKey =>
        {
            Assert.True(NewKeyOnly.IsSealedUnderCurrent(sealedKey));
            _ = NewKeyOnly.Open(sealedKey);
            return sealedKey;
        });
        await ResealScansAsync(stored =>
        {
            Assert.True(NewKeyOnly.IsSealedUnderCurrent(stored));
            Assert.Equal(CounterDeskSteps.Png, NewKeyOnly.Open(stored, SealPurpose.Scan));
            return stored;
        });
        await AssertScanDownloadsAsync(clerk, requestUrl);
        Assert.Throws<CryptographicException>(() => NewKeyOnly.Unprotect(OldKeyOnly.Protect(citizens[0].IdNumber)));

        var withoutOldKey = await PortalProcess.RunAsync(Environment(previousKeys: string.Empty), "reencrypt-personal-data");
        Assert.True(withoutOldKey.ExitCode == 0, withoutOldKey.Error);
        Assert.Contains("done, 0 value(s)", withoutOldKey.Output, StringComparison.Ordinal);
        await AssertEveryoneSignsInAsync(citizens);
    }

    private async Task AssertEveryoneSignsInAsync(IEnumerable<Citizen> citizens)
    {
        foreach (var citizen in citizens)
        {
            Assert.Equal("/my", (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);
            Assert.True(await factory.QueryAsync(db => db.PersonProfiles.AnyAsync(p => PersonalData.LookupForms(citizen.IdNumber).Contains(p.ResidentIdNumber))));
        }
    }

    private static async Task AssertScanDownloadsAsync(PortalSession clerk, string requestUrl)
    {
        using var download = await clerk.Client.GetAsync(new Uri(requestUrl + "/materials/1/scan", UriKind.Relative));
        Assert.Equal(CounterDeskSteps.Png, await download.Content.ReadAsByteArrayAsync());
    }

    /// <summary>Rewrites every archived scan (asserting whatever the callback asserts); returns how many there were.</summary>
    private Task<int> ResealScansAsync(Func<byte[], byte[]> reseal) => factory.QueryAsync(async db =>
    {
        var scans = await db.MaterialScans.ToListAsync();
        Assert.NotEmpty(scans);
        foreach (var scan in scans)
        {
            db.Entry(scan).Property(s => s.Content).CurrentValue = reseal(scan.Content);
        }

        await db.SaveChangesAsync();
        return scans.Count;
    });

    private Dictionary<string, string> Environment(string previousKeys) => new()
    {
        ["Database__Provider"] = factory.Provider.ToString(),
        ["ConnectionStrings__Default"] = factory.ConnectionString,
        ["Logging__Directory"] = factory.LogDirectory,
        ["Logging__Console"] = "false",
        ["Protection__PersonalDataKey"] = PortalFactory.TestPersonalDataKey,
        ["Protection__PreviousPersonalDataKeys"] = previousKeys,
    };

    private Task<PortalProcess.Outcome> ReencryptAsync(params string[] args) =>
        PortalProcess.RunAsync(Environment(PortalFactory.TestPreviousPersonalDataKey), ["reencrypt-personal-data", .. args]);

    private async Task<List<string>> AllValuesAsync()
    {
        var all = new List<string>();
        foreach (var (table, column) in Columns)
        {
            all.AddRange((await RawColumnAsync(table, column)).Select(v => v.Value));
        }

        return all;
    }

    private Task<int> RewriteKeyRingAsync(Func<byte[], byte[]> reseal) => factory.QueryAsync(async db =>
    {
        foreach (var key in await db.DataProtectionKeys.ToListAsync())
        {
            var xml = XElement.Parse(key.Xml!);
            foreach (var value in xml.Descendants("encryptedKey").Elements("value"))
            {
                value.Value = Convert.ToBase64String(reseal(Convert.FromBase64String(value.Value)));
            }

            key.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }

        return await db.SaveChangesAsync();
    });

    private string Q(string identifier)
    {
        using var scope = factory.CreateScope();
        return scope.ServiceProvider.GetRequiredService<PortalDbContext>().GetService<ISqlGenerationHelper>().DelimitIdentifier(identifier);
    }

    private Task<int> UpdateAsync(string table, string column, string id, string value) => factory.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE {Q(table)} SET {Q(column)} = @value WHERE CAST({Q(KeyOf(table))} AS {TextType()}) = @id";
        Add(command, "@value", value);
        Add(command, "@id", id);
        return await command.ExecuteNonQueryAsync();
    });

    private string TextType() => factory.Provider == DatabaseProvider.PostgreSql ? "text" : "TEXT";

    private static string KeyOf(string table) => table switch
    {
        "AspNetUsers" => "Id",
        "PersonProfiles" => "AccountId",
        _ => "ResidentIdNumber",
    };

    private static void Add(System.Data.Common.DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private Task<List<(string Id, string Value)>> RawColumnAsync(string table, string column) => factory.QueryAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT CAST({Q(KeyOf(table))} AS {TextType()}), {Q(column)} FROM {Q(table)} WHERE {Q(column)} IS NOT NULL";
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            values.Add((reader.GetString(0), reader.GetString(1)));
        }

        return values;
    });
}

[Trait("Category", "Slow")]
public sealed class PersonalDataRotationTestsOnSqlite(PersonalDataRotationTestsOnSqlite.Factory factory) : PersonalDataRotationTests<PersonalDataRotationTestsOnSqlite.Factory>(factory)
{
    /// <summary>A database of this class's own: the command rewrites every row in it.</summary>
    public sealed class Factory : SqlitePortalFactory;
}

[Trait("Category", "Slow")]
public sealed class PersonalDataRotationTestsOnPostgreSql(PersonalDataRotationTestsOnPostgreSql.Factory factory) : PersonalDataRotationTests<PersonalDataRotationTestsOnPostgreSql.Factory>(factory)
{
    public sealed class Factory : PostgreSqlPortalFactory;
}
