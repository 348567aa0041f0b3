using Microsoft.AspNetCore.Hosting;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>The portal configured with HTTP gateways for SMS and the real-name check, against fake servers.</summary>
public sealed class GatewayPortalFactory : SqlitePortalFactory
{
    public FakeGateway Sms { get; private set; } = null!;

    public FakeGateway RealName { get; private set; } = null!;

    public FakeGateway Registry { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Sms = await FakeGateway.StartAsync();
        RealName = await FakeGateway.StartAsync();
        Registry = await FakeGateway.StartAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sms.DisposeAsync();
        await RealName.DisposeAsync();
        await Registry.DisposeAsync();
    }

    /// <summary>The newest text the fake SMS gateway received for the phone.</summary>
    public override string? LatestSmsTo(string phone) =>
        Sms.Received.LastOrDefault(m => m.GetProperty("phone").GetString() == phone) is { ValueKind: System.Text.Json.JsonValueKind.Object } message ? message.GetProperty("text").GetString() : null;

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Sms:Gateway:Endpoint", Sms.Address.ToString());
        builder.UseSetting("Sms:Gateway:ApiKey", "sms-test-key");
        builder.UseSetting("RealName:Gateway:Endpoint", RealName.Address.ToString());
        builder.UseSetting("Registry:Gateway:Endpoint", Registry.Address.ToString());
    }
}

public sealed class GatewayAdapterTests(GatewayPortalFactory factory) : IClassFixture<GatewayPortalFactory>
{
    [Fact]
    public async Task Registration_uses_the_gateways_and_marks_the_sms_delivered()
    {
        var citizen = Citizen.New();
        factory.RealName.Answer = body => (200, new { match = body.GetProperty("idNumber").GetString() == citizen.IdNumber && body.GetProperty("name").GetString() == citizen.Name });

        var registered = await factory.RegisterAsync(factory.NewSession(), citizen);

        Assert.Equal("/my", registered.Location);
        Assert.Contains(factory.Sms.Received, m => m.GetProperty("phone").GetString() == citizen.Phone && m.GetProperty("text").GetString()!.Contains("验证码", StringComparison.Ordinal));
        Assert.Contains("sms-test-key", factory.Sms.ApiKeys);
        Assert.Contains(factory.RealName.Received, m => m.GetProperty("idNumber").GetString() == citizen.IdNumber);
        var delivered = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.SmsOutbox, m => m.Phone == citizen.Phone));
        Assert.NotNull(delivered.DeliveredAt);
    }

    [Fact]
    public async Task A_gateway_mismatch_refuses_the_registration()
    {
        factory.RealName.Answer = _ => (200, new { match = false });
        var mismatch = await factory.RegisterAsync(factory.NewSession(), Citizen.New());
        Assert.Equal(AccountMessages.RealNameMismatch, mismatch.FieldError("Name"));
    }

    [Fact]
    public async Task A_broken_gateway_is_never_taken_for_a_match()
    {
        factory.RealName.Answer = _ => (503, new { error = "down" });
        var down = await factory.RegisterAsync(factory.NewSession(), Citizen.New());
        Assert.Equal(AccountMessages.RealNameUnavailable, down.FieldError("Name"));

        factory.RealName.Answer = _ => (200, new { unexpected = "shape" });
        var nonsense = await factory.RegisterAsync(factory.NewSession(), Citizen.New());
        Assert.Equal(AccountMessages.RealNameUnavailable, nonsense.FieldError("Name"));
    }

    [Fact]
    public async Task Legal_registration_asks_the_registry_gateway_and_trusts_only_a_clear_answer()
    {
        var held = Organisation.New(Domain.Accounts.LegalEntityType.Enterprise);
        factory.Registry.Answer = body => body.GetProperty("creditCode").GetString() == held.CreditCode
            ? (200, new { found = true, name = held.Name, legalRepresentative = held.RepresentativeName })
            : (200, new { found = false });

        var registered = await factory.RegisterAsync(factory.NewSession(), held);
        var unknown = await factory.RegisterAsync(factory.NewSession(), Organisation.New(Domain.Accounts.LegalEntityType.Enterprise));
        factory.Registry.Answer = _ => (502, new { error = "upstream" });
        var down = await factory.RegisterAsync(factory.NewSession(), Organisation.New(Domain.Accounts.LegalEntityType.Enterprise));

        Assert.Equal("/my", registered.Location);
        Assert.Equal(SeedMessages.NotMarketSupervised, unknown.FieldError("Type"));
        Assert.Equal(AccountMessages.RegistryUnavailable, down.FieldError("CreditCode"));
    }

    [Fact]
    public async Task A_wrong_sms_code_is_refused_before_the_real_name_or_registry_gateway_is_asked()
    {
        // Without the phone's code, a registration form must not tell whether a name fits an ID
        // number (each probe a paid call to the real-name gateway) or what the registry holds.
        factory.RealName.Answer = _ => (200, new { match = false });
        var citizen = Citizen.New();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);
        var code = await factory.RequestRegistrationCodeAsync(session, page, citizen.Phone);

        var person = await session.SubmitAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, code == "000000" ? "111111" : "000000"));

        Assert.Equal(AccountMessages.SmsCodeWrong, person.FieldError("SmsCode"));
        Assert.Null(person.FieldError("Name"));
        Assert.DoesNotContain(factory.RealName.Received, m => m.GetProperty("idNumber").GetString() == citizen.IdNumber);

        factory.Registry.Answer = _ => (200, new { found = false });
        var organisation = Organisation.New(Domain.Accounts.LegalEntityType.Enterprise);
        var legal = factory.NewSession();
        var legalPage = await legal.GetPageAsync(OrganisationJourney.RegisterUrl);
        var unsent = await legal.SubmitAsync(legalPage, OrganisationJourney.RegisterUrl, organisation.RegistrationFields("123456"));

        Assert.Equal(AccountMessages.SmsCodeExpired, unsent.FieldError("SmsCode"));
        Assert.Null(unsent.FieldError("Type"));
        Assert.DoesNotContain(factory.Registry.Received, m => m.GetProperty("creditCode").GetString() == organisation.CreditCode);
    }

    [Fact]
    public async Task A_refused_sms_stays_in_the_outbox_undelivered_and_due_again_later()
    {
        factory.Sms.Answer = _ => (500, new { error = "quota" });
        var phone = Citizen.NewPhone();
        var session = factory.NewSession();
        var page = await session.GetPageAsync(CitizenJourney.RegisterUrl);

        await session.SendSmsAsync(page, CitizenJourney.RegisterUrl, CitizenJourney.RegisterUrl + "/sms", new Dictionary<string, string?> { ["Phone"] = phone });
        await factory.DeliverSmsAsync();

        var message = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.SmsOutbox, m => m.Phone == phone));
        Assert.Null(message.DeliveredAt);
        Assert.Equal(1, message.FailedAttempts);
        Assert.True(message.NextAttemptAt > factory.Clock.GetUtcNow().UtcDateTime);
        Assert.NotNull(message.Text);
        factory.Sms.Answer = _ => (200, new { ok = true });
    }
}
