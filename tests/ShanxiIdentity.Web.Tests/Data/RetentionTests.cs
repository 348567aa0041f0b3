using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Services.Retention;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Data;

/// <summary>
/// The retention job with the portal's clock moved on: each kind of data stays until its period is over
/// and is gone after, audit rows reach the CSV archive before they are deleted, and two instances on one
/// database never run a round at once.
/// </summary>
public abstract class RetentionTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory, IRetentionFactory
{
    [Fact]
    public async Task Each_kind_of_data_stays_for_its_period_and_is_gone_after_it()
    {
        var settings = factory.Services.GetRequiredService<RetentionSettings>();
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var scanId = await CompletedCounterRequestScanAsync(citizen.IdNumber);
        var start = factory.Clock.GetUtcNow().UtcDateTime;
        var seeded = await factory.QueryAsync(async db =>
        {
            var accountId = await db.Users.Where(a => a.Person!.ResidentIdNumber == citizen.IdNumber).Select(a => a.Id).SingleAsync();
            var delivered = SmsMessage.Queue("13800000000", "text", "test", start, null);
            delivered.Delivered(start);
            var pending = SmsMessage.Queue("13800000001", "text", "test", start, null);
            var captcha = new SpentCaptcha { Id = Guid.NewGuid(), ExpiresAt = start.AddMinutes(5) };
            var qr = new QrSignIn { Id = Guid.NewGuid(), PublicId = Guid.NewGuid().ToString("N"), SecretHash = "x", CreatedAt = start, ExpiresAt = start.AddMinutes(2), RequesterAddress = "203.0.113.9" };
            var ended = new SignInSession { Id = Guid.NewGuid(), AccountId = accountId, CreatedAt = start, EndedAt = start };
            var audit = new AuditEntry { At = start, Action = AuditAction.SignedIn, SubjectAccountId = accountId, Detail = "retention-test" };
            db.AddRange(delivered, pending, captcha, qr, ended, audit);
            await db.SaveChangesAsync();
            return (Delivered: delivered.Id, Pending: pending.Id, Captcha: captcha.Id, Qr: qr.Id, Session: ended.Id, Audit: audit.Id);
        });

        // A day and a minute on: the spent captcha and the 扫码登录 row (the desktop's full address) are gone; the rest stays.
        await RoundAtAsync(start.AddDays(1).AddMinutes(10));
        Assert.False(await ExistsAsync(db => db.SpentCaptchas.AnyAsync(c => c.Id == seeded.Captcha)));
        Assert.False(await ExistsAsync(db => db.QrSignIns.AnyAsync(q => q.Id == seeded.Qr)));
        Assert.True(await ExistsAsync(db => db.SmsOutbox.AnyAsync(m => m.Id == seeded.Delivered)));
        Assert.True(await ExistsAsync(db => db.SignInSessions.AnyAsync(s => s.Id == seeded.Session)));

        // Past Retention:SmsDays: the delivered message is gone, the one still to deliver stays.
        await RoundAtAsync(start.AddDays(settings.SmsDays).AddHours(3));
        Assert.False(await ExistsAsync(db => db.SmsOutbox.AnyAsync(m => m.Id == seeded.Delivered)));
        Assert.True(await ExistsAsync(db => db.SmsOutbox.AnyAsync(m => m.Id == seeded.Pending)));

        // Past SignInDays: the ended session (登录记录) is gone; the audit row of the sign-in stays.
        await RoundAtAsync(start.AddDays(settings.SignInDays).AddHours(6));
        Assert.False(await ExistsAsync(db => db.SignInSessions.AnyAsync(s => s.Id == seeded.Session)));
        Assert.True(await ExistsAsync(db => db.AuditEntries.AnyAsync(e => e.Id == seeded.Audit)));

        // Past AuditDays: the audit row is gone, and it is in the archive first.
        await RoundAtAsync(start.AddDays(settings.AuditDays).AddHours(9));
        Assert.False(await ExistsAsync(db => db.AuditEntries.AnyAsync(e => e.Id == seeded.Audit)));
        var archive = string.Concat(Directory.GetFiles(factory.ArchiveDirectory, "audit-archive-*.csv").Select(File.ReadAllText));
        Assert.All(Directory.GetFiles(factory.ArchiveDirectory, "audit-archive-*.csv"), f => Assert.StartsWith(AuditTrail.CsvHeader, Encoding.UTF8.GetString(File.ReadAllBytes(f)), StringComparison.Ordinal));
        Assert.Contains("retention-test", archive, StringComparison.Ordinal);
        Assert.True(await ExistsAsync(db => db.MaterialScans.AnyAsync(s => s.Id == scanId)), "a scan went before its archive period");

        // Past ScanArchiveDays after the decision: the scan is gone, the request and its materials stay.
        await RoundAtAsync(start.AddDays(settings.ScanArchiveDays).AddHours(12));
        Assert.False(await ExistsAsync(db => db.MaterialScans.AnyAsync(s => s.Id == scanId)));
        Assert.True(await ExistsAsync(db => db.CounterRequestMaterials.AnyAsync()));

        // Each round that deleted something says so in the audit log (the last one's row is still there).
        var last = await factory.QueryAsync(db => db.AuditEntries.Where(e => e.Action == AuditAction.RetentionRun).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstAsync());
        Assert.Matches(@"material-scans=[1-9][0-9]*", last);
    }

    [Fact]
    public async Task Two_instances_on_one_database_run_one_round_at_a_time_and_a_crashed_holder_s_lease_runs_out()
    {
        await using var second = new SameDatabasePortalFactory(factory);
        await second.InitializeAsync();
        await using (var scope = second.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.CanConnectAsync();
        }

        // Past any round before this test, the two instances' clocks agreeing (each host has its own).
        factory.Clock.Advance(TimeSpan.FromDays(400));
        second.Clock.Advance(factory.Clock.GetUtcNow() - second.Clock.GetUtcNow());
        var first = factory.Services.GetRequiredService<RetentionRun>();
        var other = second.Services.GetRequiredService<RetentionRun>();
        var rounds = await Task.WhenAll(first.RunIfDueAsync(CancellationToken.None), other.RunIfDueAsync(CancellationToken.None));
        Assert.Single(rounds, r => r is not null);
        Assert.Null(await other.RunIfDueAsync(CancellationToken.None)); // done: not due again for RunEvery

        // A holder that took the lease and died: nobody runs until the lease runs out.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        second.Clock.Advance(TimeSpan.FromDays(1));
        await using (var scope = factory.CreateScope())
        {
            Assert.True(await scope.ServiceProvider.GetRequiredService<JobLeases>().TryTakeAsync(RetentionRun.LeaseName, "crashed", TimeSpan.Zero, CancellationToken.None));
        }

        Assert.Null(await first.RunIfDueAsync(CancellationToken.None));
        Assert.Null(await other.RunIfDueAsync(CancellationToken.None));
        second.Clock.Advance(JobLeases.Length + TimeSpan.FromMinutes(1));
        Assert.NotNull(await other.RunIfDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task An_archive_that_cannot_be_written_deletes_no_audit_row()
    {
        var id = await factory.QueryAsync(async db =>
        {
            var entry = new AuditEntry { At = factory.Clock.GetUtcNow().UtcDateTime, Action = AuditAction.SignedIn, Detail = "kept-when-archive-fails" };
            db.AuditEntries.Add(entry);
            await db.SaveChangesAsync();
            return entry.Id;
        });
        var blocked = Path.Combine(factory.ArchiveDirectory, "not-a-directory");
        await File.WriteAllTextAsync(blocked, "a file where the archive's directory should be");

        await using var scope = factory.CreateScope();
        var services = scope.ServiceProvider;
        var settings = services.GetRequiredService<RetentionSettings>() with { AuditArchiveDirectory = Path.Combine(blocked, "archive") };
        var task = new AuditRetention(services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<AuditTrail>(), settings);
        var later = factory.Clock.GetUtcNow().UtcDateTime.AddDays(settings.AuditDays + 1);

        await Assert.ThrowsAnyAsync<IOException>(() => task.RunAsync(later, CancellationToken.None));
        Assert.True(await ExistsAsync(db => db.AuditEntries.AnyAsync(e => e.Id == id)));
    }

    private async Task RoundAtAsync(DateTime at)
    {
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        if (at > now)
        {
            factory.Clock.Advance(at - now);
        }

        var counts = await factory.Services.GetRequiredService<RetentionRun>().RunIfDueAsync(CancellationToken.None);
        Assert.NotNull(counts);
        Assert.DoesNotContain(counts, c => c.Value < 0);
    }

    private Task<bool> ExistsAsync(Func<PortalDbContext, Task<bool>> query) => factory.QueryAsync(query);

    /// <summary>A phone change at the counter, checked, scanned, submitted and approved through the staff pages: its scan's id.</summary>
    private async Task<Guid> CompletedCounterRequestScanAsync(string idNumber)
    {
        var (_, clerk) = await factory.SignedInStaffAsync(StaffRole.Clerk);
        var (_, supervisor) = await factory.SignedInStaffAsync(StaffRole.Supervisor);
        var accountUrl = await clerk.FindAccountAsync(idNumber);
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={CounterDeskSteps.AccountIdFrom(accountUrl)}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = Citizen.NewPhone(),
        });
        var requestUrl = opened.Location!;
        await clerk.CompleteMaterialsAsync(requestUrl, factory);
        var page = await clerk.GetPageAsync(requestUrl);
        Assert.Equal(requestUrl, (await clerk.SubmitAsync(page, requestUrl + "/submit", new Dictionary<string, string?>())).Location);
        Assert.Equal(requestUrl, (await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>())).Location);
        var requestId = CounterDeskSteps.AccountIdFrom(requestUrl);
        return await factory.QueryAsync(db => db.MaterialScans
            .Where(s => db.CounterRequestMaterials.Any(m => m.Id == s.CounterRequestMaterialId && m.CounterRequestId == requestId))
            .Select(s => s.Id).FirstAsync());
    }
}

/// <summary>A portal whose audit archive goes to a folder of its own, with small batches (so a run deletes in several).</summary>
public interface IRetentionFactory
{
    string ArchiveDirectory { get; }
}

public sealed class RetentionSqliteFactory : SqlitePortalFactory, IRetentionFactory
{
    public string ArchiveDirectory { get; } = Directory.CreateTempSubdirectory("shanxi-retention-").FullName;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Retention:AuditArchiveDirectory", ArchiveDirectory);
        builder.UseSetting("Retention:BatchSize", "2");
    }
}

public sealed class RetentionPostgreSqlFactory : PostgreSqlPortalFactory, IRetentionFactory
{
    public string ArchiveDirectory { get; } = Directory.CreateTempSubdirectory("shanxi-retention-").FullName;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Retention:AuditArchiveDirectory", ArchiveDirectory);
        builder.UseSetting("Retention:BatchSize", "2");
    }
}

public sealed class RetentionTestsOnSqlite(RetentionSqliteFactory factory) : RetentionTests<RetentionSqliteFactory>(factory);

public sealed class RetentionTestsOnPostgreSql(RetentionPostgreSqlFactory factory) : RetentionTests<RetentionPostgreSqlFactory>(factory);

public sealed class RetentionSettingsTests
{
    [Theory]
    [InlineData("183")]
    [InlineData("180")]
    [InlineData("0")]
    public void An_audit_period_under_six_months_stops_the_start_with_the_setting_named(string days)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:AuditDays"] = days }).Build();

        var refused = Assert.Throws<PortalConfigurationException>(() => RetentionSettings.From(configuration));

        Assert.Equal("Retention:AuditDays", refused.Setting);
    }

    [Fact]
    public void Six_months_is_the_default_and_the_least_accepted()
    {
        var empty = new ConfigurationBuilder().Build();
        Assert.Equal(RetentionSettings.MinimumAuditDays, RetentionSettings.From(empty).AuditDays);
        Assert.Equal(184, RetentionSettings.MinimumAuditDays);
    }

    [Fact]
    public void An_instance_asks_every_5_minutes_unless_told_otherwise_and_never_every_0_seconds()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), RetentionSettings.From(new ConfigurationBuilder().Build()).Poll);
        var fast = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:PollSeconds"] = "1" }).Build();
        Assert.Equal(TimeSpan.FromSeconds(1), RetentionSettings.From(fast).Poll);

        var zero = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Retention:PollSeconds"] = "0" }).Build();
        Assert.Equal("Retention:PollSeconds", Assert.Throws<PortalConfigurationException>(() => RetentionSettings.From(zero)).Setting);
    }
}
