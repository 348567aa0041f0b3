using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>扫码登录 across the two instances: its code is a database row, never an instance's memory.</summary>
public sealed partial class TwoInstanceTests
{
    private const string QrPlace = "测试地区（本机）";

    [Fact]
    public async Task A_qr_code_created_on_one_instance_is_confirmed_polled_and_completed_across_both()
    {
        var citizen = Citizen.New();
        await UseDatabaseAsync(db =>
        {
            db.Residents.Add(new ResidentRecord { ResidentIdNumber = citizen.IdNumber, Name = citizen.Name, ImportedAt = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var phone = NewSession();
        var register = await phone.GetPageAsync(CitizenJourney.RegisterUrl);
        var (sent, message) = await phone.SendSmsAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = citizen.Phone });
        Assert.True(sent, message);
        Assert.Equal("/my", (await phone.SubmitAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, await LatestCodeAsync(citizen.Phone)))).Location);
        var before = _upstreams.Served.Count;

        var desktop = NewSession();
        var code = await QrSignInJourney.NewCodeAsync(desktop);
        Assert.Equal("waiting", await QrSignInJourney.PollAsync(desktop, code.Id));
        var page = await QrSignInJourney.OpenAsync(phone, code.Id);
        Assert.Equal(QrPlace, page.QuerySelector("[data-qr-place]")!.TextContent);
        Assert.Equal("127.0.0.*", page.QuerySelector("[data-qr-address]")!.TextContent);
        Assert.Equal("scanned", await QrSignInJourney.PollAsync(desktop, code.Id));
        Assert.Equal(QrSignInMessages.ConfirmedOnPhone, await QrSignInJourney.AnswerAsync(phone, code.Id));
        Assert.Equal("confirmed", await QrSignInJourney.PollAsync(desktop, code.Id));
        Assert.Equal("confirmed", await QrSignInJourney.PollAsync(desktop, code.Id));
        Assert.Equal("/my", (await QrSignInJourney.CompleteAsync(desktop, code)).Location);
        Assert.Equal(citizen.MaskedIdNumber, (await desktop.GetPageAsync("/my")).QuerySelector("[data-field=id-number]")!.TextContent);

        // Every step went to the other instance than the one before.
        var served = _upstreams.Served.Skip(before).ToList();
        Assert.Equal(_portal.InstancePorts.Select(p => $"127.0.0.1:{p}").Order(), served.Distinct().Order());
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
    }
}
