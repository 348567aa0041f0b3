using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Privacy;

/// <summary>
/// The 隐私政策 gate after signing in by SMS code: the same point as a password (the first request of
/// the session). Its own fixture: the clock moves past the registration code's resend interval.
/// </summary>
public abstract class PrivacyPolicySmsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : PortalFactory
{
    private const string AcceptUrl = "/account/privacy";

    [Fact]
    public async Task Sign_in_by_sms_code_is_held_at_the_same_point()
    {
        var citizen = await NewPolicy.OnFirstVersionAsync(factory);
        factory.Clock.Advance(Web.Services.Sms.SmsCodeService.ResendInterval);
        var session = factory.NewSession();
        Assert.True((await Accounts.SmsLoginJourney.SendAsync(session, await session.GetPageAsync(Accounts.SmsLoginJourney.SmsUrl), citizen.Phone)).Sent);
        var signedIn = await Accounts.SmsLoginJourney.SubmitAsync(session, citizen.Phone, await factory.LatestSmsCodeAsync(citizen.Phone));
        Assert.Equal("/my", signedIn.Location);
        using var my = await session.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(AcceptUrl + "?returnUrl=%2Fmy", my.Headers.Location?.ToString());
    }
}

public sealed class SqlitePrivacyPolicySmsTests(NewPolicySqliteFactory factory) : PrivacyPolicySmsTests<NewPolicySqliteFactory>(factory);

public sealed class PostgreSqlPrivacyPolicySmsTests(NewPolicyPostgreSqlFactory factory) : PrivacyPolicySmsTests<NewPolicyPostgreSqlFactory>(factory);
