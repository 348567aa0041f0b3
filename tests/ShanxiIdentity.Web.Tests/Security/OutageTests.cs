using System.Net;
using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>PostgreSQL stopped while people register, then started again: the portal says 系统繁忙, then recovers by itself, leaving nothing half-written.</summary>
[Trait("Category", "Slow")]
public sealed class OutageTests(OutageTests.OwnServerFactory factory) : IClassFixture<OutageTests.OwnServerFactory>
{
    public sealed class OwnServerFactory : PortalFactory
    {
        public OwnPostgres? Postgres { get; private set; }

        public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

        protected override async Task<string> CreateDatabaseAsync(string workDirectory)
        {
            Postgres = await OwnPostgres.StartAsync();

            // A database of the test role's own: PostgreSQL 15 lets nobody but the owner create tables in "postgres".
            await using (var connection = new Npgsql.NpgsqlConnection(Postgres.ConnectionString))
            {
                await connection.OpenAsync();
                await using var create = new Npgsql.NpgsqlCommand("CREATE DATABASE portal", connection);
                await create.ExecuteNonQueryAsync();
            }

            return new Npgsql.NpgsqlConnectionStringBuilder(Postgres.ConnectionString) { Database = "portal", Timeout = 3, CommandTimeout = 5 }.ConnectionString;
        }

        protected override async Task DropDatabaseAsync()
        {
            if (Postgres is not null)
            {
                await Postgres.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Stopping_postgresql_mid_run_gives_503_pages_then_the_portal_recovers_with_nothing_half_written()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();

        // People keep registering while the server goes away and comes back.
        using var stop = new CancellationTokenSource();
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<HttpStatusCode>();
        var load = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var citizen = Citizen.New();
                    await factory.AddResidentAsync(citizen);
                    outcomes.Add((await factory.RegisterAsync(factory.NewSession(), citizen)).Status);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The test's own seeding and page fetches fail during the outage too; the portal's answers are checked below.
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Task.Delay(1500);
        await factory.Postgres!.StopAsync();
        try
        {
            // A page that needs no database still opens; what needs it answers 系统繁忙 (503), quickly.
            var session = factory.NewSession();
            var page = await session.GetPageAsync("/account/login");
            var started = DateTime.UtcNow;
            var login = await session.SubmitAsync(page, "/account/login", new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, login.Status);
            Assert.Contains("系统繁忙", login.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("Npgsql", login.Body, StringComparison.Ordinal);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(15), "The 503 took too long.");
            using var ready = await session.Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var alive = await session.Client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
            await Task.Delay(1000);
        }
        finally
        {
            await factory.Postgres.StartAgainAsync();
        }

        // Recovers by itself: no restart of the portal.
        var recovered = false;
        for (var attempt = 0; attempt < 60 && !recovered; attempt++)
        {
            recovered = (await factory.NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location == "/my";
            if (!recovered)
            {
                await Task.Delay(500);
            }
        }

        Assert.True(recovered, "Login did not work again within 30 s of the restart.");
        await Task.Delay(1000);
        await stop.CancelAsync();
        await Task.WhenAll(load);
        Assert.Contains(HttpStatusCode.Redirect, outcomes);
        Assert.DoesNotContain(outcomes, status => (int)status >= 500 && status != HttpStatusCode.ServiceUnavailable);

        // Nothing half-written: every account has its profile, first phone and registration audit row, and every such row its account.
        var (accounts, profiles, phones, audits, orphans) = await factory.QueryAsync(async db => (
            await db.Users.CountAsync(u => u.Kind == AccountKind.Person),
            await db.PersonProfiles.CountAsync(),
            await db.ReservedPhoneChanges.Select(c => c.AccountId).Distinct().CountAsync(),
            await db.AuditEntries.CountAsync(e => e.Action == AuditAction.PersonRegistered),
            await db.AuditEntries.CountAsync(e => e.Action == AuditAction.PersonRegistered && !db.Users.Any(u => u.Id == e.SubjectAccountId))));
        Assert.Equal(accounts, profiles);
        Assert.Equal(accounts, phones);
        Assert.Equal(accounts, audits);
        Assert.Equal(0, orphans);
        Assert.Equal(HttpStatusCode.OK, (await factory.NewSession().Client.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);
        Console.WriteLine($"Suite count: outage, {outcomes.Count} registrations attempted around the outage ({outcomes.Count(s => s == HttpStatusCode.Redirect)} completed, {outcomes.Count(s => s == HttpStatusCode.ServiceUnavailable)} answered 503); {accounts} accounts, all whole.");
    }
}
