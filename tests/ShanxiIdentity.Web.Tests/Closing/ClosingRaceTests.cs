using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Closing;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Closing;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Closing;

/// <summary>撤销注销 and the closing task, or two requests, at once: one outcome is saved, never a mix.</summary>
public abstract class ClosingRaceTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_cancel_read_before_the_closing_task_saved_is_refused_and_the_account_stays_closed()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);
        var id = await factory.PersonIdAsync(citizen);

        await using var scope = factory.CreateScope();
        var stale = await scope.ServiceProvider.GetRequiredService<AccountLocator>().FindByIdAsync(id);
        Assert.True(await factory.RunClosingTaskAsync(factory.AfterCoolingOff()) >= 1);
        var outcome = await scope.ServiceProvider.GetRequiredService<AccountClosings>().CancelAsync(stale!, CancellationToken.None);

        Assert.Equal(ClosingMessages.ChangedMeanwhile, outcome.Message);
        Assert.NotNull(await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosedAt).SingleAsync()));
        Assert.False(await factory.QueryAsync(db => db.AuditEntries.AnyAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ClosingCancelled)));
    }

    [Fact]
    public async Task A_cancel_and_the_closing_task_at_once_save_one_outcome()
    {
        for (var round = 0; round < 3; round++)
        {
            var (citizen, session) = await factory.RegisteredCitizenAsync();
            await factory.RequestClosingAsync(session, citizen.Phone, citizen.Password);
            var id = await factory.PersonIdAsync(citizen);

            await using var scope = factory.CreateScope();
            var account = await scope.ServiceProvider.GetRequiredService<AccountLocator>().FindByIdAsync(id);
            var cancel = Task.Run(() => scope.ServiceProvider.GetRequiredService<AccountClosings>().CancelAsync(account!, CancellationToken.None));
            var close = Task.Run(() => factory.RunClosingTaskAsync(factory.AfterCoolingOff()));
            await Task.WhenAll(cancel, close);

            var closed = await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).Select(a => a.ClosedAt).SingleAsync()) is not null;
            var rows = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.SubjectAccountId == id && (e.Action == AuditAction.Closed || e.Action == AuditAction.ClosingCancelled)).Select(e => e.Action).ToListAsync());
            Assert.Equal(closed ? AuditAction.Closed : AuditAction.ClosingCancelled, Assert.Single(rows));
            Assert.Equal(closed, (await cancel).Message == ClosingMessages.ChangedMeanwhile);
            Assert.Equal(!closed, await factory.QueryAsync(db => db.PersonProfiles.AnyAsync(p => p.AccountId == id)));
        }
    }

    [Fact]
    public async Task Two_requests_with_one_code_at_once_start_one_closing()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var code = await factory.ClosingCodeAsync(session, citizen.Phone);
        var id = await factory.PersonIdAsync(citizen);

        var page = await session.GetPageAsync(ClosingSteps.PageUrl);
        var fields = new Dictionary<string, string?> { ["Form.CurrentPassword"] = citizen.Password, ["Form.SmsCode"] = code };
        var outcomes = await Task.WhenAll(
            Task.Run(() => session.SubmitAsync(page, ClosingSteps.PageUrl, fields)),
            Task.Run(() => session.SubmitAsync(page, ClosingSteps.PageUrl, fields)));

        // The loser is refused (the code was spent), or arrives after the winner and meets the cooling-off.
        Assert.Contains(outcomes, o => o.Location == ClosingGate.PendingPath);
        Assert.Equal(1, await factory.QueryAsync(db => db.AuditEntries.CountAsync(e => e.SubjectAccountId == id && e.Action == AuditAction.ClosingRequested)));
    }
}

public sealed class ClosingRaceTestsOnSqlite(SqlitePortalFactory factory) : ClosingRaceTests<SqlitePortalFactory>(factory);

public sealed class ClosingRaceTestsOnPostgreSql(PostgreSqlPortalFactory factory) : ClosingRaceTests<PostgreSqlPortalFactory>(factory);
