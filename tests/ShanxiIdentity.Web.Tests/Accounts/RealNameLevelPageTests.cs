using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>实名等级 on 我的账号, computed from each kind of account's own records.</summary>
public abstract class RealNameLevelPageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    [Fact]
    public async Task A_person_registered_online_sees_level_3_and_how_to_reach_level_4()
    {
        var (_, person) = await factory.RegisteredCitizenAsync();
        var page = await person.GetPageAsync("/my");
        var section = page.QuerySelector("[data-real-name-level]")!;
        Assert.Equal("3", section.GetAttribute("data-real-name-level"));
        Assert.Equal(RealNameMessages.Name(RealNameLevel.PhoneProved), section.QuerySelector("[data-level-name]")!.TextContent);
        Assert.Equal(RealNameMessages.HowToRaise(RealNameLevel.PhoneProved), section.QuerySelector("[data-raise-level]")!.TextContent);
        Assert.Contains(section.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/halls");
    }

    [Fact]
    public async Task An_organisation_verified_at_the_counter_is_level_4_and_one_awaiting_it_level_1()
    {
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        await factory.QueryAsync(db => db.LegalEntityProfiles.Where(p => p.CreditCode == organisation.CreditCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.VerifiedAtCounter, true)));
        var page = await session.GetPageAsync("/my");
        Assert.Equal("4", page.QuerySelector("[data-real-name-level]")!.GetAttribute("data-real-name-level"));
        Assert.Null(page.QuerySelector("[data-raise-level]"));

        await factory.QueryAsync(db => db.LegalEntityProfiles.Where(p => p.CreditCode == organisation.CreditCode)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.VerifiedAtCounter, false).SetProperty(p => p.RealNameVerifiedAt, (DateTime?)null)));
        Assert.Equal(RealNameLevel.FormatOnly, await LevelAsync(organisation.CreditCode));
    }

    private async Task<RealNameLevel> LevelAsync(string creditCode)
    {
        await using var scope = factory.CreateScope();
        var id = await factory.QueryAsync(db => db.LegalEntityProfiles.Where(p => p.CreditCode == creditCode).Select(p => p.AccountId).SingleAsync());
        var account = await scope.ServiceProvider.GetRequiredService<AccountLocator>().FindByIdAsync(id);
        return await scope.ServiceProvider.GetRequiredService<RealNameAssessment>().LevelOfAsync(account!, CancellationToken.None);
    }
}

public sealed class SqliteRealNameLevelPageTests(SqlitePortalFactory factory) : RealNameLevelPageTests<SqlitePortalFactory>(factory);

public sealed class PostgreSqlRealNameLevelPageTests(PostgreSqlPortalFactory factory) : RealNameLevelPageTests<PostgreSqlPortalFactory>(factory);
