using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services.PersonalInformation;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Privacy;

/// <summary>下载我的信息 past <c>PersonalData:ExportHours</c>: refused, then deleted by its retention task. Its own fixture: the clock moves a day.</summary>
public abstract class PersonalDataExpiryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_copy_not_taken_in_time_is_refused_and_the_retention_task_deletes_it()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var page = await session.GetPageAsync("/my/data");
        await session.SubmitAsync(page, "/my/data", new Dictionary<string, string?>());
        page = await session.GetPageAsync("/my/data");
        var action = page.QuerySelector("form[action$='/download']")!.GetAttribute("action")!;
        factory.Clock.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));
        var again = factory.NewSession();
        await again.LogInAsync(citizen.IdNumber, citizen.Password);
        page = await again.GetPageAsync("/my/data");
        Assert.Null(page.QuerySelector("[data-export-status=ready]"));
        var late = await again.SubmitAsync(page, "/my/data", new Dictionary<string, string?> { ["Form.CurrentPassword"] = citizen.Password }, postTo: action);
        Assert.Equal("/my/data", late.Location);

        var id = await factory.PersonIdAsync(citizen);
        await using var scope = factory.CreateScope();
        var task = scope.ServiceProvider.GetServices<IRetentionTask>().OfType<ExpiredExportsRetention>().Single();
        Assert.True(await task.RunAsync(factory.Clock.GetUtcNow().UtcDateTime, CancellationToken.None) >= 1);
        Assert.Equal(0, await factory.QueryAsync(db => db.PersonalDataExports.CountAsync(e => e.AccountId == id)));
    }
}

public sealed class SqlitePersonalDataExpiryTests(SqlitePortalFactory factory) : PersonalDataExpiryTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlPersonalDataExpiryTests(PostgreSqlPortalFactory factory) : PersonalDataExpiryTests<PostgreSqlPortalFactory>(factory);
