using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The rules of a new account and of a change of its 预留手机号, without HTTP or a database.</summary>
public sealed class AccountFactoryTests
{
    private static readonly DateTime Now = new(2026, 11, 29, 8, 0, 0, DateTimeKind.Utc);

    private static OrganisationDetails Organisation() =>
        new(LegalEntityType.Enterprise, "太原市示例科技有限公司", "91350100M000100Y43", "张三", "140105198503151236", null);

    [Fact]
    public void A_person_who_chose_no_user_name_gets_an_internal_one_no_chosen_name_can_equal()
    {
        var account = AccountFactory.Person("张三", "140105198503151236", userName: null, new FirstPhone("13800138000"), Now);

        Assert.StartsWith(AccountLocator.InternalUserNamePrefix, account.UserName, StringComparison.Ordinal);
        Assert.False(PersonName.IsValidUserName(account.UserName!));
        Assert.Equal(AccountKind.Person, account.Kind);
        Assert.NotEqual(Guid.Empty, account.Id);
        Assert.Equal(Now, account.Person!.RealNameVerifiedAt);
    }

    [Fact]
    public void A_person_who_chose_a_user_name_keeps_it()
    {
        Assert.Equal("zhangsan", AccountFactory.Person("张三", "140105198503151236", "zhangsan", new FirstPhone("13800138000"), Now).UserName);
    }

    [Fact]
    public void An_online_registration_confirms_the_first_phone_and_records_it_with_no_old_phone()
    {
        var account = AccountFactory.Person("张三", "140105198503151236", null, new FirstPhone("13800138000"), Now);

        Assert.Equal("13800138000", account.PhoneNumber);
        Assert.True(account.PhoneNumberConfirmed);
        var first = Assert.Single(account.PhoneChanges);
        Assert.Equal((null, "13800138000", PhoneChangeChannel.Registration, (Guid?)null, Now), (first.OldPhone, first.NewPhone, first.Channel, first.CounterRequestId, first.ChangedAt));
    }

    [Fact]
    public void An_organisation_the_registry_did_not_confirm_awaits_the_counter()
    {
        var profile = AccountFactory.LegalEntity(Organisation(), "orgname01", new FirstPhone("13800138000"), verified: false, Now).LegalEntity!;

        Assert.Null(profile.RealNameVerifiedAt);
        Assert.False(profile.VerifiedAtCounter);
    }

    [Fact]
    public void An_organisation_registered_at_the_counter_is_verified_there_and_its_phone_names_the_request()
    {
        var request = Guid.NewGuid();
        var account = AccountFactory.LegalEntity(Organisation(), "orgname01", new FirstPhone("13800138000", request), verified: true, Now);

        Assert.Equal(AccountKind.LegalEntity, account.Kind);
        Assert.Equal("orgname01", account.UserName);
        Assert.Equal(Now, account.LegalEntity!.RealNameVerifiedAt);
        Assert.True(account.LegalEntity.VerifiedAtCounter);
        var first = Assert.Single(account.PhoneChanges);
        Assert.Equal((PhoneChangeChannel.Counter, (Guid?)request), (first.Channel, first.CounterRequestId));
    }

    [Fact]
    public void A_staff_account_has_no_reserved_phone_and_names_its_creator()
    {
        var creator = Guid.NewGuid();
        var account = AccountFactory.Staff("wangxm", "王晓明", creator, Now);

        Assert.Equal(AccountKind.Staff, account.Kind);
        Assert.Null(account.PhoneNumber);
        Assert.Empty(account.PhoneChanges);
        Assert.Equal(("王晓明", (Guid?)creator), (account.Staff!.Name, account.Staff.CreatedByStaffId));
        Assert.Equal(Now, account.CreatedAt);
    }

    [Fact]
    public void A_phone_changed_online_records_old_and_new_and_leaves_the_sessions_to_the_holder()
    {
        var account = AccountFactory.Person("张三", "140105198503151236", null, new FirstPhone("13800138000"), Now);
        account.SecurityStamp = "stamp";

        var change = account.ChangeReservedPhone("13900139000", PhoneChangeChannel.Online, Now.AddDays(1));

        Assert.Equal(("13800138000", "13900139000"), (change.OldPhone, change.NewPhone));
        Assert.Equal("13900139000", account.PhoneNumber);
        Assert.Equal(2, account.PhoneChanges.Count);
        Assert.False(Account.EndsSessions(change));
        Assert.Equal("stamp", account.SecurityStamp);
    }

    [Fact]
    public void A_phone_changed_at_the_counter_ends_every_session_with_a_new_stamp()
    {
        var account = AccountFactory.Person("张三", "140105198503151236", null, new FirstPhone("13800138000"), Now);
        account.SecurityStamp = "stamp";
        var request = Guid.NewGuid();

        var change = account.ChangeReservedPhone("13900139000", PhoneChangeChannel.Counter, Now.AddDays(1), request);

        Assert.True(Account.EndsSessions(change));
        Assert.NotEqual("stamp", account.SecurityStamp);
        Assert.Equal(request, change.CounterRequestId);
    }
}

/// <summary><see cref="AccountFactory.AddAsync"/> on the portal's real Identity and database (no HTTP): staged through UserManager, saved by the caller.</summary>
public sealed class AccountFactoryStagingTests(SqlitePortalFactory portal) : IClassFixture<SqlitePortalFactory>
{
    [Fact]
    public async Task An_added_account_has_Identitys_name_stamps_and_hash()
    {
        await using var scope = portal.CreateScope();
        var services = scope.ServiceProvider;
        var account = AccountFactory.Staff("staff" + Random.Shared.Next(100_000, 999_999), "王晓明", null, DateTime.UtcNow);

        var added = await services.GetRequiredService<AccountFactory>().AddAsync(account, "Counter#2026pw");

        Assert.True(added.Succeeded);
        Assert.Equal(account.UserName!.ToUpperInvariant(), account.NormalizedUserName);
        Assert.False(string.IsNullOrEmpty(account.SecurityStamp));
        Assert.False(string.IsNullOrEmpty(account.ConcurrencyStamp));
        Assert.True(account.LockoutEnabled);
        Assert.True(services.GetRequiredService<IPasswordHasher<Account>>().VerifyHashedPassword(account, account.PasswordHash!, "Counter#2026pw") != PasswordVerificationResult.Failed);
    }

    [Fact]
    public async Task An_added_account_is_written_only_by_the_callers_save()
    {
        await using var scope = portal.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var account = AccountFactory.Staff("staff" + Random.Shared.Next(100_000, 999_999), "王晓明", null, DateTime.UtcNow);

        Assert.True((await services.GetRequiredService<AccountFactory>().AddAsync(account, "Counter#2026pw")).Succeeded);
        Assert.False(await portal.QueryAsync(other => other.Users.AnyAsync(u => u.Id == account.Id)));

        await db.SaveChangesAsync();
        Assert.True(await portal.QueryAsync(other => other.Users.AnyAsync(u => u.Id == account.Id)));
    }

    [Fact]
    public async Task A_taken_user_name_is_refused_by_Identity_before_anything_is_written()
    {
        await using var scope = portal.CreateScope();
        var factory = scope.ServiceProvider.GetRequiredService<AccountFactory>();
        var loginName = "staff" + Random.Shared.Next(100_000, 999_999);
        Assert.True((await factory.AddAsync(AccountFactory.Staff(loginName, "王晓明", null, DateTime.UtcNow), "Counter#2026pw")).Succeeded);
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SaveChangesAsync();

        var again = await factory.AddAsync(AccountFactory.Staff(loginName, "李四", null, DateTime.UtcNow), "Counter#2026pw");

        Assert.Contains(again.Errors, e => e.Code == nameof(IdentityErrorDescriber.DuplicateUserName));
    }
}
