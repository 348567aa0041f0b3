using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

public sealed class Argon2PasswordHasherTests
{
    private static readonly Account User = new() { UserName = "someone" };
    private readonly Argon2PasswordHasher _hasher = new(new Argon2Settings(), new PasswordHashSlots());

    [Fact]
    public void Hashes_are_phc_strings_carrying_owasp_parameters_and_a_fresh_salt()
    {
        var first = _hasher.HashPassword(User, "Correct#Horse1");
        var second = _hasher.HashPassword(User, "Correct#Horse1");

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(User, first, "Correct#Horse1"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, first, "Correct#Horse2"));
    }

    [Fact]
    public void Identitys_pbkdf2_hashes_still_verify_and_ask_to_be_replaced()
    {
        var legacy = new PasswordHasher<Account>().HashPassword(User, "Old#Password1");

        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hasher.VerifyHashedPassword(User, legacy, "Old#Password1"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, legacy, "Wrong#Password1"));
    }

    [Fact]
    public void Hashes_made_with_weaker_parameters_ask_to_be_replaced()
    {
        var weak = new Argon2PasswordHasher(new Argon2Settings(MemoryKiB: 8 * 1024, Passes: 1), new PasswordHashSlots()).HashPassword(User, "Some#Password1");

        Assert.StartsWith("$argon2id$v=19$m=8192,t=1,p=1$", weak, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hasher.VerifyHashedPassword(User, weak, "Some#Password1"));
    }

    [Theory]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$!!!$???")]
    [InlineData("$argon2id$v=19$m=abc,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")]
    [InlineData("$argon2id$v=19$x=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA")]
    public void Damaged_hashes_fail_instead_of_throwing(string damaged)
    {
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(User, damaged, "anything"));
    }
}

public sealed class PasswordUpgradeTests(SqlitePortalFactory factory) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task An_old_pbkdf2_hash_is_replaced_by_argon2id_at_the_next_successful_login()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var legacy = new PasswordHasher<Account>().HashPassword(new Account(), citizen.Password);
        await factory.QueryAsync(db => db.Users.Where(a => a.Person!.ResidentIdNumber == citizen.IdNumber)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.PasswordHash, legacy)));

        var login = await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password);

        Assert.Equal("/my", login.Location);
        var stored = await factory.QueryAsync(db => db.Users.Where(a => a.Person!.ResidentIdNumber == citizen.IdNumber).Select(a => a.PasswordHash).SingleAsync());
        Assert.StartsWith("$argon2id$", stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_accounts_get_argon2id_hashes()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        var stored = await factory.QueryAsync(db => db.Users.Where(a => a.Person!.ResidentIdNumber == citizen.IdNumber).Select(a => a.PasswordHash).SingleAsync());

        Assert.StartsWith("$argon2id$v=19$m=19456,t=2,p=1$", stored, StringComparison.Ordinal);
    }
}
