using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Tests.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>The sign-in methods of #22 across the two instances: each step served by the other instance than the one before.</summary>
public sealed partial class TwoInstanceTests
{
    [Fact]
    public async Task Two_step_verification_and_sms_sign_in_work_with_each_step_on_the_other_instance()
    {
        // 两步验证: turned on through one instance's page and the other's form; the password on one
        // instance issues the ticket, the code on the other completes it.
        var (citizen, session) = await RegisterAsync();
        var setup = await session.GetPageAsync(SecondFactorSteps.SetupUrl);
        var key = StaffJourney.AuthenticatorKey(setup);
        var enabled = await session.SubmitAsync(setup, SecondFactorSteps.SetupUrl + "/enable", new Dictionary<string, string?>
        {
            ["Form.Method"] = Domain.Accounts.AuthenticationMethods.OneTimePassword,
            ["Form.CurrentPassword"] = citizen.Password,
            ["Form.Code"] = StaffMember.Code(key),
        });
        Assert.NotEmpty(enabled.Page.QuerySelectorAll("[data-recovery-codes] li"));

        var twoStep = NewSession();
        var step = await twoStep.LogInAsync(citizen.IdNumber, citizen.Password);
        Assert.Null(step.Location);
        var completed = await twoStep.SubmitAsync(step.Page, SecondFactorSteps.CodeUrl, new Dictionary<string, string?> { ["Code"] = StaffMember.CodeAt(key, 1) });
        Assert.Equal("/my", completed.Location);
        Assert.NotNull((await twoStep.GetPageAsync("/my")).QuerySelector("[data-field=id-number]"));

        // 短信验证码登录: the captcha and code issued by one instance, checked by the other.
        var (other, _) = await RegisterAsync();
        await AllowNextSmsAsync(other.Phone);
        var bySms = NewSession();
        var (sent, message) = await SmsLoginJourney.SendAsync(bySms, await bySms.GetPageAsync(SmsLoginJourney.SmsUrl), other.Phone);
        Assert.True(sent, message);
        Assert.Equal("/my", (await SmsLoginJourney.SubmitAsync(bySms, other.Phone, await LatestCodeAsync(other.Phone))).Location);

        var served = _upstreams.Served;
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }

    /// <summary>A person registered through the portal's form (captcha, antiforgery and SMS code crossing instances).</summary>
    private async Task<(Citizen Citizen, PortalSession Session)> RegisterAsync()
    {
        var citizen = Citizen.New();
        await UseDatabaseAsync(db =>
        {
            db.Residents.Add(new ResidentRecord { ResidentIdNumber = citizen.IdNumber, Name = citizen.Name, ImportedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var session = NewSession();
        var register = await session.GetPageAsync(CitizenJourney.RegisterUrl);
        var (sent, message) = await session.SendSmsAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = citizen.Phone });
        Assert.True(sent, message);
        var registered = await session.SubmitAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, await LatestCodeAsync(citizen.Phone)));
        Assert.Equal("/my", registered.Location);
        return (citizen, session);
    }
}
