using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Identifiers;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// 我的账号 requested by people acting as 经办人 for an organisation (身份切换), whose authorisation
/// the per-request session check re-reads on every request, against the same people's other
/// browser, acting for themselves (个人办事), in interleaved windows. Each worker is one person with
/// two browsers signed in once, before the first window: one switched to the organisation through
/// the real form, one not. The organisation and its accepted authorisations go straight into the database.
/// </summary>
internal sealed class ActingAsOrganisation(Uri address, int workers, DatabaseProvider provider, string connectionString, string passwordHash) : IDisposable
{
    /// <summary>Account numbers from here on are these people's: an organisation's 经办人 are nobody else's subjects.</summary>
    private const int FirstIndex = 2_100_000;

    private readonly List<HttpClient> _acting = [];
    private readonly List<HttpClient> _personal = [];
    private int _nextSlot = -1;

    /// <summary>One window of /my requests from the browsers acting for the organisation (or, with <paramref name="acting"/> false, not).</summary>
    public async Task<LoadResult> RunAsync(string name, TimeSpan duration, bool acting = true)
    {
        if (_acting.Count == 0)
        {
            await PrepareAsync().ConfigureAwait(false);
        }

        // The load client's own browsers only carry a slot: each worker requests through its signed-in session.
        var sessions = acting ? _acting : _personal;
        var slots = new System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, HttpClient>();
        return await LoadClient.RunAsync(
            name, address, duration, workers,
            client => MyAccountAsync(slots.TryGetValue(client, out var session) ? session : client),
            prepare: client =>
            {
                slots.Add(client, sessions[(Interlocked.Increment(ref _nextSlot) & int.MaxValue) % sessions.Count]);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
    }

    /// <summary>Interleaved windows acting and not acting: the per-round ratio of pages/s and of server CPU per page.</summary>
    public async Task CompareAsync(ServerProcess server, string name, Dictionary<string, double> facts, TimeSpan duration, int rounds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (count, window) = Interleaved.Plan(duration, rounds);
        var results = await Interleaved.RunAsync(
            server, count, window,
            length => RunAsync(name, length),
            length => RunAsync(name + " (not acting)", length, acting: false)).ConfigureAwait(false);
        Interleaved.AddRatio(facts, $"{name}: pages/s vs not acting", results.Select(r => r.A.PerSecond / r.B.PerSecond));
        Interleaved.AddRatio(facts, $"{name}: server CPU per page vs not acting", results.Select(r => r.A.ServerCpuMs / r.B.ServerCpuMs));
    }

    public void Dispose()
    {
        foreach (var client in _acting.Concat(_personal))
        {
            client.Dispose();
        }
    }

    private static async Task<bool> MyAccountAsync(HttpClient session)
    {
        using var response = await session.GetAsync(new Uri("/my", UriKind.Relative)).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private async Task PrepareAsync()
    {
        var authorizations = await SeedAsync().ConfigureAwait(false);
        for (var worker = 0; worker < workers; worker++)
        {
            var acting = LoadClient.NewBrowser(address);
            var personal = LoadClient.NewBrowser(address);
            _acting.Add(acting);
            _personal.Add(personal);
            await LogInAsync(personal, FirstIndex + worker).ConfigureAwait(false);
            await LogInAsync(acting, FirstIndex + worker).ConfigureAwait(false);
            var fields = await Forms.HiddenFieldsAsync(acting, "/my/acting").ConfigureAwait(false);
            fields["Identity"] = authorizations[worker].ToString("N");
            if (await Forms.PostAsync(acting, "/my/acting", fields).ConfigureAwait(false) != "/my")
            {
                throw new InvalidOperationException("身份切换 to the organisation failed.");
            }
        }
    }

    private static async Task LogInAsync(HttpClient client, int index)
    {
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        fields["Account"] = AccountSeeder.IdNumber(index);
        fields["Password"] = AccountSeeder.Password;
        fields["Captcha"] = "PASS";
        if (await Forms.PostAsync(client, "/account/login", fields).ConfigureAwait(false) != "/my")
        {
            throw new InvalidOperationException("The 经办人's login failed.");
        }
    }

    /// <summary>The people, one organisation (法人账号, verified) and an accepted 经办人 authorisation for each, in force today; their ids in worker order.</summary>
    private async Task<List<Guid>> SeedAsync()
    {
        await AccountSeeder.SeedAsync(provider, connectionString, passwordHash, FirstIndex, FirstIndex + workers).ConfigureAwait(false);
        await using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now.AddHours(8));
        var organisation = Guid.NewGuid();
        var body = "BENCH" + Random.Shared.Next(100, 1000);
        var first17 = "91140105" + body + CreditCode.ComputeOrganisationCheckCharacter(body);
        var login = "bench_org_" + organisation.ToString("N")[..8];
        db.Users.Add(new Account
        {
            Id = organisation,
            Kind = AccountKind.LegalEntity,
            UserName = login,
            NormalizedUserName = login.ToUpperInvariant(),
            PasswordHash = passwordHash,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            PhoneNumber = "13800000001",
            PhoneNumberConfirmed = true,
            LockoutEnabled = true,
            CreatedAt = now,
            LegalEntity = new LegalEntityProfile
            {
                Type = LegalEntityType.Enterprise,
                OrganisationName = "山西基准测试有限公司",
                CreditCode = first17 + CreditCode.ComputeCheckCharacter(first17),
                RepresentativeName = "测试法人",
                RepresentativeIdNumber = AccountSeeder.IdNumber(FirstIndex + 10_000),
                RealNameVerifiedAt = now,
            },
        });

        var ids = new List<Guid>();
        for (var worker = 0; worker < workers; worker++)
        {
            var idNumber = AccountSeeder.IdNumber(FirstIndex + worker);
            var forms = PersonalData.LookupForms(idNumber);
            var person = await db.PersonProfiles.Where(p => forms.Contains(p.ResidentIdNumber)).Select(p => p.AccountId).SingleAsync().ConfigureAwait(false);
            var authorization = AgentAuthorization.Grant(organisation, "测试用户", idNumber, new AgentTerms(AgentRole.Agent, null, today.AddDays(-1), today.AddDays(300)), organisation, now);
            if (authorization.Accept(person, today, now) is { } refused)
            {
                throw new InvalidOperationException(refused);
            }

            db.AgentAuthorizations.Add(authorization);
            ids.Add(authorization.Id);
        }

        await db.SaveChangesAsync().ConfigureAwait(false);
        return ids;
    }
}
