using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Privacy;
using ShanxiIdentity.Web.Services.Privacy;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Privacy;

/// <summary>The portal after the operator published 隐私政策 version 2 (in force since yesterday), as the repository would hold it.</summary>
public static class NewPolicy
{
    public const string Version = "2";

    public const string Change = "新增：您可以在“我的账号”下载您的个人信息。";

    public static void Publish(IWebHostBuilder builder) =>
        builder.ConfigureTestServices(services => services.AddSingleton(sp => new PrivacyPolicyBook(
            [.. PrivacyPolicies.All, new PrivacyPolicyVersion(Version, DateTime.UtcNow.AddDays(-1), [Change], View: PrivacyPolicies.First.ViewName)],
            sp.GetRequiredService<TimeProvider>())));

    /// <summary>A registered person who accepted version 1 only (before version 2 was published).</summary>
    public static async Task<Citizen> OnFirstVersionAsync(PortalFactory factory)
    {
        var (citizen, _) = await factory.RegisteredCitizenAsync();
        var id = await factory.PersonIdAsync(citizen);
        await factory.QueryAsync(db => db.Users.Where(a => a.Id == id).ExecuteUpdateAsync(set => set.SetProperty(a => a.PrivacyVersion, PrivacyPolicies.Baseline)));
        return citizen;
    }
}

public sealed class NewPolicySqliteFactory : SqlitePortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NewPolicy.Publish(builder);
    }
}

public sealed class NewPolicyPostgreSqlFactory : PostgreSqlPortalFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        NewPolicy.Publish(builder);
    }
}
