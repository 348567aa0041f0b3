using ShanxiIdentity.Web.Tests.Infrastructure;
using Xunit;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>
/// A login's work beyond the password hash (issue #24: ≤ 3 ms of server CPU). Its database
/// statements are counted here, so a change that adds one is seen in review.
/// </summary>
public abstract class LoginCostTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory, IFaultyPortal
{
    [Fact]
    public async Task A_login_from_a_new_browser_reads_three_times_and_inserts_four_rows()
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(CitizenJourney.LoginUrl);
        // The outbox worker, woken by the notice, reads and claims on its own.
        var (submitted, statements) = await factory.Faults.RecordAsync(
            command => !command.CommandText.Contains("SmsOutbox", StringComparison.Ordinal) || command.CommandText.TrimStart().StartsWith("INSERT", StringComparison.Ordinal),
            () => session.SubmitAsync(page, CitizenJourney.LoginUrl, new Dictionary<string, string?> { ["Account"] = citizen.IdNumber, ["Password"] = citizen.Password }));

        Assert.Equal("/my", submitted.Location);
        var all = string.Join("\n---\n", statements);

        // The captcha spent first, in its own commit: spent even when the password is wrong.
        Assert.StartsWith("INSERT INTO \"SpentCaptchas\"", statements[0].TrimStart(), StringComparison.Ordinal);

        // Three reads: the account; whether this browser is new to it; its default organisation.
        Assert.True(statements.Count(s => s.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)) == 3, all);

        // Then the session, the new-browser SMS and the audit row, saved together (PostgreSQL sends them as one batch).
        var saved = statements.Skip(1).Where(s => !s.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)).ToList();
        Assert.True(saved.Sum(s => s.Split("INSERT INTO", StringSplitOptions.None).Length - 1) == 3, all);
        Assert.All(["\"SignInSessions\"", "\"SmsOutbox\"", "\"AuditEntries\""], table => Assert.Contains(saved, s => s.Contains(table, StringComparison.Ordinal)));
    }
}

public sealed class SqliteLoginCostTests(FaultySqlitePortalFactory factory) : LoginCostTests<FaultySqlitePortalFactory>(factory);

public sealed class PostgreSqlLoginCostTests(FaultyPostgreSqlPortalFactory factory) : LoginCostTests<FaultyPostgreSqlPortalFactory>(factory);
