using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// Attacks on the ways in of issue #22 (两步验证, 短信验证码登录, step-up): what a stolen password,
/// a replayed ticket or a forged step must not open.
/// </summary>
public abstract class SignInAttackTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string CodeUrl = SecondFactorSteps.CodeUrl;

    [Fact]
    public async Task A_second_factor_ticket_taken_with_the_old_password_dies_with_a_password_reset()
    {
        var (citizen, session) = await factory.RegisteredCitizenAsync();
        var key = await EnableAuthenticatorAsync(citizen, session);

        // The attacker has the password and gets the ticket for the code step.
        var attacker = factory.NewSession();
        var step = await attacker.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.NotNull(step.Page.QuerySelector("input[name=Ticket]"));

        // The person notices and resets the password: every sign-in begun with the old one ends.
        factory.Clock.Advance(TimeSpan.FromSeconds(61));
        var (_, reset) = await factory.NewSession().ResetPasswordAsync(citizen.IdNumber, () => factory.LatestSmsCodeAsync(citizen.Phone), "Reset#2026pwX");
        Assert.Empty(reset.Errors);

        var finished = await attacker.SubmitAsync(step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = NextCode(key) });
        Assert.StartsWith(CitizenJourney.LoginUrl, finished.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_recovery_code_sent_by_several_browsers_at_once_signs_in_at_most_one_and_never_fails()
    {
        const int racers = 5;
        for (var round = 0; round < 4; round++)
        {
            var (citizen, session) = await factory.RegisteredCitizenAsync();
            var (_, recoveryCodes) = await factory.EnableAuthenticatorAsync(citizen, session);
            var steps = new List<(PortalSession Browser, PortalSession.Submitted Step)>();
            for (var i = 0; i < racers; i++)
            {
                var browser = factory.NewSession();
                steps.Add((browser, await browser.LogInAsync(citizen.IdNumber, citizen.Password)));
            }

            var answers = await Task.WhenAll(steps.Select(s => s.Browser.SubmitAsync(s.Step.Page, CodeUrl, new Dictionary<string, string?> { ["Code"] = recoveryCodes[0], ["Recovery"] = "true" })));

            // Never two sign-ins from one code, and never a server error: the winner's sign-in used to
            // write the claimed authenticator step again and fail on the losers' failure counts (500).
            Assert.True(answers.Count(a => a.Location == "/my") <= 1);
            Assert.All(answers, a => Assert.True((int)a.Status < 500, factory.LoggedErrors()));
        }
    }

    [Fact]
    public async Task A_refresh_token_does_not_keep_asserting_a_level_the_account_has_lost()
    {
        var sso = await SsoClient.RegisterAsync(factory, ["profile", "offline_access"]);
        var (organisation, session) = await factory.RegisteredOrganisationAsync();
        var request = sso.AuthorizeRequest("openid profile offline_access", extra: new Dictionary<string, string?> { ["acr_values"] = RealNameLevels.Acr(RealNameLevel.RegistryConfirmed) });
        var tokens = await sso.RedeemAsync((await sso.SignInAsync(session, request)).Code, request.Verifier);
        Assert.Equal(RealNameLevels.Acr(RealNameLevel.RegistryConfirmed), tokens.Payload("id_token").GetProperty("acr").GetString());

        // The registry no longer holds the organisation: level 1 now, so level 2 is no longer true.
        await factory.QueryAsync(db => db.Organisations.Where(o => o.CreditCode == organisation.CreditCode).ExecuteDeleteAsync());
        var refreshed = await sso.RefreshAsync(tokens.Get("refresh_token"));
        Assert.Equal("invalid_grant", refreshed.Error);
    }

    private async Task<string> EnableAuthenticatorAsync(Citizen citizen, PortalSession session) =>
        (await factory.EnableAuthenticatorAsync(citizen, session)).Key;

    private string NextCode(string key) => factory.NextAuthenticatorCode(key);
}

public sealed class SignInAttackTestsOnSqlite(SqlitePortalFactory factory) : SignInAttackTests<SqlitePortalFactory>(factory);

public sealed class SignInAttackTestsOnPostgreSql(PostgreSqlPortalFactory factory) : SignInAttackTests<PostgreSqlPortalFactory>(factory);
