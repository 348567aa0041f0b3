using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Counter;

/// <summary>
/// The staff sign-in against an attacker (issue #18): authenticator codes once and within one step,
/// the password-step ticket once, staff names neither found out by the answer or its time nor
/// locked by someone without the password.
/// </summary>
public abstract class StaffSignInHardeningTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory, ICountingHasherFactory
{
    [Fact]
    public async Task An_authenticator_code_is_accepted_once_and_a_second_sign_in_with_it_is_refused()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        await StaffMember.AwayFromStepEdgeAsync(8);
        var code = await StaffMember.UnusedCodeAsync(member.AuthenticatorKey);
        var first = factory.NewSession();
        Assert.Equal("/counter", (await first.StaffLogInAsync(member, code)).Location);
        await first.SubmitAsync(await first.GetPageAsync("/counter"), "/counter/logout", new Dictionary<string, string?>());

        var replay = await factory.NewSession().StaffLogInAsync(member, code);

        Assert.Null(replay.Location);
        Assert.Equal(CounterMessages.StaffCodeUsed, replay.FieldError("Code"));
    }

    [Fact]
    public async Task A_code_two_steps_old_is_refused_and_one_step_old_is_accepted()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);

        // Wait out the steps the enrolment may have used, so the old codes are not refused only as used.
        await Task.Delay(TimeSpan.FromSeconds(61 - (DateTimeOffset.UtcNow.ToUnixTimeSeconds() % 30)));
        await StaffMember.AwayFromStepEdgeAsync(8);
        var twoOld = await factory.NewSession().StaffLogInAsync(member, StaffMember.CodeAt(member.AuthenticatorKey, -2));
        Assert.Equal(CounterMessages.StaffCodeWrong, twoOld.FieldError("Code"));

        var oneOld = await factory.NewSession().StaffLogInAsync(member, StaffMember.CodeAt(member.AuthenticatorKey, -1));
        Assert.Equal("/counter", oneOld.Location);
    }

    [Fact]
    public async Task The_password_step_s_ticket_completes_one_sign_in_only()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var session = factory.NewSession();
        var codePage = (await session.SubmitStaffPasswordAsync(member.LoginName, member.Password)).Page;
        Assert.Equal("/counter", (await session.SubmitAsync(codePage, "/counter/login/code", new Dictionary<string, string?> { ["Code"] = await StaffMember.UnusedCodeAsync(member.AuthenticatorKey) })).Location);

        // The same ticket, from another browser that got hold of the page, with the next right code.
        var thief = factory.NewSession();
        var reused = await ReplayTicketAsync(thief, codePage, "/counter/login/code", new() { ["Code"] = await StaffMember.UnusedCodeAsync(member.AuthenticatorKey) });

        Assert.Equal("/counter/login", reused.Location);
        using var counter = await thief.Client.GetAsync(new Uri("/counter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, counter.StatusCode);
    }

    [Fact]
    public async Task The_enrolment_ticket_completes_one_sign_in_only()
    {
        var (loginName, initialPassword) = await factory.CreateStaffAsync(StaffRole.Clerk);
        var session = factory.NewSession();
        var enrolPage = (await session.SubmitStaffPasswordAsync(loginName, initialPassword)).Page;
        var key = StaffJourney.AuthenticatorKey(enrolPage);
        var fields = new Dictionary<string, string?> { ["Password"] = StaffJourney.StaffPassword, ["ConfirmPassword"] = StaffJourney.StaffPassword, ["Code"] = await StaffMember.UnusedCodeAsync(key) };
        Assert.Equal("/counter", (await session.SubmitAsync(enrolPage, "/counter/login/enrol", fields)).Location);

        // Its ticket again, now on the code step (the account has an authenticator now) with a right code.
        var thief = factory.NewSession();
        var reused = await ReplayTicketAsync(thief, enrolPage, "/counter/login/code", new() { ["Code"] = await StaffMember.UnusedCodeAsync(key) });
        Assert.Equal("/counter/login", reused.Location);
        using var counter = await thief.Client.GetAsync(new Uri("/counter", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, counter.StatusCode);
    }

    /// <summary>Posts the ticket of <paramref name="stolen"/> from <paramref name="thief"/>'s own browser (its own antiforgery token).</summary>
    private static async Task<PortalSession.Submitted> ReplayTicketAsync(PortalSession thief, AngleSharp.Dom.IDocument stolen, string postTo, Dictionary<string, string?> fields)
    {
        var own = await thief.GetPageAsync(StaffJourney.LoginUrl);
        fields["__RequestVerificationToken"] = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value");
        fields["Ticket"] = stolen.QuerySelector("input[name=Ticket]")!.GetAttribute("value");
        return await thief.PostAsync(postTo, fields);
    }

    [Fact]
    public async Task An_unknown_name_gets_the_wrong_password_answer_after_the_same_password_hash()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);

        var before = factory.Hasher.Verifications;
        var unknown = await factory.NewSession().SubmitStaffPasswordAsync("nobody" + Random.Shared.Next(100_000, 999_999), "Guess#2026pw");
        var hashedForUnknown = factory.Hasher.Verifications - before;
        before = factory.Hasher.Verifications;
        var wrong = await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, "Guess#2026pw");
        var hashedForWrong = factory.Hasher.Verifications - before;

        Assert.Equal(CounterMessages.StaffSignInFailed, unknown.FieldError("Password"));
        Assert.Equal(CounterMessages.StaffSignInFailed, wrong.FieldError("Password"));
        Assert.Equal(1, hashedForWrong);
        Assert.Equal(hashedForWrong, hashedForUnknown);
    }

    [Fact]
    public async Task Someone_without_the_password_cannot_lock_a_staff_member_out_or_tell_the_name_from_an_unknown_one()
    {
        var (member, _) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var unknownName = "nobody" + Random.Shared.Next(100_000, 999_999);
        for (var attempt = 0; attempt < 12; attempt++)
        {
            Assert.Equal(CounterMessages.StaffSignInFailed, (await factory.NewSession().SubmitStaffPasswordAsync(member.LoginName, "Guess#2026pw" + attempt)).FieldError("Password"));
            Assert.Equal(CounterMessages.StaffSignInFailed, (await factory.NewSession().SubmitStaffPasswordAsync(unknownName, "Guess#2026pw" + attempt)).FieldError("Password"));
        }

        Assert.Equal("/counter", (await factory.NewSession().StaffLogInAsync(member)).Location);
        var failures = await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == AuditAction.SignInFailed && db.Users.Any(u => u.Id == e.SubjectAccountId && u.UserName == member.LoginName)));
        Assert.Equal(12, failures);
    }
}

/// <summary>A portal whose password hasher is the real one, wrapped to count the verifications it does.</summary>
public interface ICountingHasherFactory
{
    CountingPasswordHasher Hasher { get; }
}

public sealed class CountingPasswordHasher(IPasswordHasher<Account> real) : IPasswordHasher<Account>
{
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(Account user, string password) => real.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return real.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

internal static class CountingHasher
{
    public static void Register(IWebHostBuilder builder, Action<CountingPasswordHasher> created) =>
        builder.ConfigureTestServices(services => services.Replace(ServiceDescriptor.Singleton<IPasswordHasher<Account>>(provider =>
        {
            var hasher = new CountingPasswordHasher(ActivatorUtilities.CreateInstance<Argon2PasswordHasher>(provider));
            created(hasher);
            return hasher;
        })));
}

public sealed class CountingSqlitePortalFactory : SqlitePortalFactory, ICountingHasherFactory
{
    public CountingPasswordHasher Hasher { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CountingHasher.Register(builder, hasher => Hasher = hasher);
    }
}

public sealed class CountingPostgreSqlPortalFactory : PostgreSqlPortalFactory, ICountingHasherFactory
{
    public CountingPasswordHasher Hasher { get; private set; } = null!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CountingHasher.Register(builder, hasher => Hasher = hasher);
    }
}

public sealed class StaffSignInHardeningTestsOnSqlite(CountingSqlitePortalFactory factory) : StaffSignInHardeningTests<CountingSqlitePortalFactory>(factory);

public sealed class StaffSignInHardeningTestsOnPostgreSql(CountingPostgreSqlPortalFactory factory) : StaffSignInHardeningTests<CountingPostgreSqlPortalFactory>(factory);
