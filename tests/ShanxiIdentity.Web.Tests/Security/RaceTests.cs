using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Sms;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// Many requests at once for one identifier, one phone or one account, through the real forms:
/// the database decides, and exactly one wins (or the lock falls exactly at the threshold).
/// </summary>
public abstract class RaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const int Racers = 50;

    [Fact]
    public async Task Fifty_registrations_of_one_id_number_leave_one_account_and_49_clear_refusals()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var forms = new List<Func<Task<PortalSession.Submitted>>>();
        for (var i = 0; i < Racers; i++)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);
            var applicant = citizen with { Phone = Citizen.NewPhone() };
            var code = await factory.RequestRegistrationCodeAsync(session, page, applicant.Phone);
            forms.Add(() => session.SubmitAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(applicant, code)));
        }

        var answers = await Task.WhenAll(forms.Select(submit => submit()));

        Assert.Equal(1, answers.Count(a => a.Location == "/my"));
        Assert.Equal(Racers - 1, answers.Count(a => a.FieldError("IdNumber") == SeedMessages.IdNumberAlreadyCertified));
        Console.WriteLine($"Suite count: races ({factory.Provider}), {Racers} concurrent registrations of one ID number: 1 account, {Racers - 1} refusals.");
        Assert.Equal(1, await factory.QueryAsync(db => db.PersonProfiles.CountAsync(p => p.ResidentIdNumber == citizen.IdNumber)));
        Assert.Equal(1, await factory.QueryAsync(db => db.ReservedPhoneChanges.CountAsync(c => db.PersonProfiles.Any(p => p.AccountId == c.AccountId && p.ResidentIdNumber == citizen.IdNumber))));
    }

    [Fact]
    public async Task Fifty_registrations_of_one_credit_code_leave_one_account_and_49_clear_refusals()
    {
        var organisation = Organisation.New(LegalEntityType.Enterprise);
        await factory.AddToRegistryAsync(organisation);
        var answers = await RaceLegalRegistrationsAsync(_ => organisation with { LoginName = "org" + Random.Shared.Next(10_000_000, 99_999_999), Phone = Citizen.NewPhone() });

        Assert.Equal(1, answers.Count(a => a.Location == "/my"));
        Assert.Equal(Racers - 1, answers.Count(a => a.FieldError("CreditCode") == SeedMessages.CreditCodeAlreadyCertified));
        Console.WriteLine($"Suite count: races ({factory.Provider}), {Racers} concurrent registrations of one credit code: 1 account, {Racers - 1} refusals.");
        Assert.Equal(1, await factory.QueryAsync(db => db.LegalEntityProfiles.CountAsync(p => p.CreditCode == organisation.CreditCode)));
    }

    [Fact]
    public async Task Fifty_registrations_of_one_login_name_leave_one_account_and_49_clear_refusals()
    {
        var loginName = "shared" + Random.Shared.Next(10_000_000, 99_999_999);
        var organisations = Enumerable.Range(0, Racers).Select(_ => Organisation.New(LegalEntityType.Enterprise) with { LoginName = loginName }).ToList();
        foreach (var organisation in organisations)
        {
            await factory.AddToRegistryAsync(organisation);
        }

        var answers = await RaceLegalRegistrationsAsync(i => organisations[i]);

        Assert.Equal(1, answers.Count(a => a.Location == "/my"));
        Assert.Equal(Racers - 1, answers.Count(a => a.FieldError("LoginName") == SeedMessages.LoginNameTaken));
        Console.WriteLine($"Suite count: races ({factory.Provider}), {Racers} concurrent registrations of one login name: 1 account, {Racers - 1} refusals.");
        var normalized = loginName.ToUpperInvariant();
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedUserName == normalized)));
    }

    [Fact]
    public async Task Concurrent_sms_requests_to_one_phone_send_one_code()
    {
        var phone = Citizen.NewPhone();
        var presses = new List<Func<Task<(bool Sent, string Message)>>>();
        for (var i = 0; i < 20; i++)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);
            presses.Add(() => session.SendSmsAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = phone }));
        }

        var answers = await Task.WhenAll(presses.Select(press => press()));

        Assert.Equal(1, answers.Count(a => a.Sent));
        Assert.All(answers.Where(a => !a.Sent), a => Assert.StartsWith("短信验证码发送过于频繁", a.Message, StringComparison.Ordinal));
        Assert.Equal(1, await factory.QueryAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone)));
        Assert.Equal(1, await factory.QueryAsync(db => db.SmsCodes.CountAsync(c => c.Phone == phone)));
        Console.WriteLine($"Suite count: races ({factory.Provider}), 20 concurrent SMS requests to one phone: 1 code sent.");
    }

    [Fact]
    public async Task Twenty_concurrent_wrong_sms_codes_get_exactly_five_tries_and_void_the_code()
    {
        var citizen = Citizen.New();
        await factory.AddResidentAsync(citizen);
        var owner = factory.NewSession();
        var code = await factory.RequestRegistrationCodeAsync(owner, await owner.GetPageAsync(CitizenJourney.RegisterUrl), citizen.Phone);
        var wrong = code == "000000" ? "111111" : "000000";
        var guesses = new List<Func<Task<PortalSession.Submitted>>>();
        for (var i = 0; i < 20; i++)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);
            guesses.Add(() => session.SubmitAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, wrong)));
        }

        var answers = await Task.WhenAll(guesses.Select(guess => guess()));

        // Exactly five guesses were compared; every other one found the code already void.
        Assert.Equal(SmsCodeService.MaxWrongTries, answers.Count(a => a.FieldError("SmsCode") == AccountMessages.SmsCodeWrong));
        Assert.Equal(20 - SmsCodeService.MaxWrongTries, answers.Count(a => a.FieldError("SmsCode") == AccountMessages.SmsCodeExpired));
        Assert.Equal(SmsCodeService.MaxWrongTries, await factory.QueryAsync(db => db.SmsCodes.Where(c => c.Phone == citizen.Phone).Select(c => c.FailedAttempts).SingleAsync()));
        var late = await owner.SubmitAsync(await owner.GetPageAsync(CitizenJourney.RegisterUrl), CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, code));
        Assert.Equal(AccountMessages.SmsCodeExpired, late.FieldError("SmsCode"));
        Console.WriteLine($"Suite count: races ({factory.Provider}), 20 concurrent wrong SMS codes: 5 tries counted, the code void.");
    }

    [Fact]
    public async Task Concurrent_wrong_passwords_lock_the_account_at_the_threshold_not_after_it()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var attempts = new List<Func<Task<PortalSession.Submitted>>>();
        for (var i = 0; i < 20; i++)
        {
            var session = factory.NewSession();
            var page = await session.GetPageAsync(CitizenJourney.LoginUrl);
            attempts.Add(() => session.SubmitAsync(page, CitizenJourney.LoginUrl, new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = "Wrong#Pass1" }));
        }

        var answers = await Task.WhenAll(attempts.Select(attempt => attempt()));

        // Five failures count (the fifth locks); every other attempt is told the account is locked.
        Assert.Equal(4, answers.Count(a => a.FieldError("Password") == SeedMessages.WrongUserNameOrPassword));
        Assert.Equal(16, answers.Count(a => a.FieldError("Password")?.StartsWith("密码错误次数过多", StringComparison.Ordinal) == true));
        var accountId = await factory.QueryAsync(db => db.PersonProfiles.Where(p => p.ResidentIdNumber == citizen.IdNumber).Select(p => p.AccountId).SingleAsync());
        var audited = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == accountId).Select(e => e.Action).ToListAsync());
        Assert.Equal(4, audited.Count(a => a == AuditAction.SignInFailed));
        Assert.Equal(1, audited.Count(a => a == AuditAction.LockedOut));
        Assert.True(await factory.QueryAsync(db => db.Users.Where(u => u.Id == accountId).Select(u => u.LockoutEnd).SingleAsync()) > DateTimeOffset.UtcNow);
        Console.WriteLine($"Suite count: races ({factory.Provider}), 20 concurrent wrong passwords: 4 counted, the 5th locked, 16 told it is locked.");
    }

    [Fact]
    public async Task Parallel_uses_of_one_authenticator_code_sign_in_once()
    {
        var (member, _) = await factory.SignedInStaffAsync(ShanxiIdentity.Domain.Counter.StaffRole.Clerk);
        var codePages = new List<(PortalSession Session, AngleSharp.Dom.IDocument Page)>();
        for (var i = 0; i < 10; i++)
        {
            var session = factory.NewSession();
            codePages.Add((session, (await session.SubmitStaffPasswordAsync(member.LoginName, member.Password)).Page));
        }

        var code = await StaffMember.UnusedCodeAsync(member.AuthenticatorKey);
        var answers = await Task.WhenAll(codePages.Select(p => p.Session.SubmitAsync(p.Page, "/counter/login/code", new Dictionary<string, string?> { ["Code"] = code })));

        Assert.Equal(1, answers.Count(a => a.Location == "/counter"));
        // The others are refused: the code is used, or (once the winner moved the step on) their sign-in is over.
        Assert.True(
            9 == answers.Count(a => a.FieldError("Code") == ShanxiIdentity.Domain.Counter.CounterMessages.StaffCodeUsed || a.Location == "/counter/login"),
            string.Join(" | ", answers.Select(a => $"{(int)a.Status} {a.Location} {a.FieldError("Code")}")));
        var signedIn = 0;
        foreach (var (session, _) in codePages)
        {
            using var counter = await session.Client.GetAsync(new Uri("/counter", UriKind.Relative));
            signedIn += counter.StatusCode == System.Net.HttpStatusCode.OK ? 1 : 0;
        }

        Assert.Equal(1, signedIn);
        Console.WriteLine($"Suite count: races ({factory.Provider}), 10 concurrent uses of one authenticator code: 1 sign-in, 9 refusals.");
    }

    private async Task<PortalSession.Submitted[]> RaceLegalRegistrationsAsync(Func<int, Organisation> applicant)
    {
        var forms = new List<Func<Task<PortalSession.Submitted>>>();
        for (var i = 0; i < Racers; i++)
        {
            var organisation = applicant(i);
            var session = factory.NewSession();
            var page = await session.GetPageAsync(OrganisationJourney.RegisterUrl);
            var (sent, message) = await session.SendSmsAsync(page, OrganisationJourney.RegisterUrl, OrganisationJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = organisation.Phone });
            Assert.True(sent, message);
            var code = await factory.LatestSmsCodeAsync(organisation.Phone);
            forms.Add(() => session.SubmitAsync(page, OrganisationJourney.RegisterUrl, organisation.RegistrationFields(code)));
        }

        return await Task.WhenAll(forms.Select(submit => submit()));
    }
}

[Trait("Category", "Slow")]
public sealed class RaceTestsOnSqlite(SqlitePortalFactory factory) : RaceTests<SqlitePortalFactory>(factory);

[Trait("Category", "Slow")]
public sealed class RaceTestsOnPostgreSql(PostgreSqlPortalFactory factory) : RaceTests<PostgreSqlPortalFactory>(factory);
