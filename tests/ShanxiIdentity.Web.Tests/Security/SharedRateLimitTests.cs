using System.Net;
using Microsoft.AspNetCore.Hosting;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// The per-address limits with <c>Redis:Configuration</c> set: one count for every instance, and
/// each instance's own count while Redis is down (ADR 0009).
/// </summary>
[Trait("Category", "Slow")]
public sealed class SharedRateLimitTests
{
    private const int Limit = 3;

    /// <summary>A portal with a low login limit, on Redis, on its own SQLite file or on another factory's.</summary>
    private sealed class RedisLimitedFactory(string redis, PortalFactory? sameDatabaseAs = null) : PortalFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override Task<string> CreateDatabaseAsync(string workDirectory) =>
            Task.FromResult(sameDatabaseAs?.ConnectionString ?? $"Data Source={Path.Combine(workDirectory, "portal.db")};Pooling=False");

        protected override void ConfigureSettings(IWebHostBuilder builder)
        {
            builder.UseSetting("RateLimits:credentials:PermitLimit", Limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Redis:Configuration", redis);
        }
    }

    private static string LoggedText(PortalFactory factory) => string.Join('\n', Directory.GetFiles(factory.LogDirectory).Select(path =>
    {
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        return reader.ReadToEnd();
    }));

    [Fact]
    public async Task Two_instances_on_one_redis_share_one_login_limit()
    {
        await using var redis = await TestRedis.StartAsync();
        await using var first = new RedisLimitedFactory(redis.Configuration);
        await first.InitializeAsync();
        _ = first.Services;
        await using var second = new RedisLimitedFactory(redis.Configuration, first);
        await second.InitializeAsync();

        var sessions = new[] { first.NewSession(), second.NewSession() };
        var pages = new[] { await sessions[0].GetPageAsync("/account/login"), await sessions[1].GetPageAsync("/account/login") };
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < Limit + 1; attempt++)
        {
            var i = attempt % 2;
            statuses.Add((await sessions[i].SubmitAsync(pages[i], "/account/login", new Dictionary<string, string?> { ["Account"] = "nobody_here", ["Password"] = "Wrong#123" })).Status);
        }

        // Each instance saw at most two attempts, under its own limit of three: only a shared count refuses the fourth.
        Assert.All(statuses.Take(Limit), s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[Limit]);
        Assert.Contains("shanxi-identity:rate:credentials:", await redis.CliAsync("--scan", "--pattern", "*shanxi-identity:rate:*"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_redis_down_an_instance_falls_back_to_its_own_limit_and_logs_a_warning()
    {
        await using var factory = new RedisLimitedFactory(TestRedis.Unreachable());
        await factory.InitializeAsync();
        var session = factory.NewSession();
        var page = await session.GetPageAsync("/account/login");
        var answers = new List<PortalSession.Submitted>();
        for (var attempt = 0; attempt < Limit + 1; attempt++)
        {
            answers.Add(await session.SubmitAsync(page, "/account/login", new Dictionary<string, string?> { ["Account"] = "nobody_here", ["Password"] = "Wrong#123" }));
        }

        // Served, not a 500 and not refused outright; still limited, by this instance's count.
        Assert.All(answers.Take(Limit), a => Assert.Equal(HttpStatusCode.OK, a.Status));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[Limit].Status);
        Assert.Contains("操作过于频繁", answers[Limit].Body, StringComparison.Ordinal);
        Assert.Contains("Redis is unreachable", LoggedText(factory), StringComparison.Ordinal);
    }
}
