using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Tests.Counter;
using ShanxiIdentity.Web.Tests.Hosting;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Security;

/// <summary>
/// A whole journey — register, log in, forgot password by SMS, counter phone change from the first
/// administrator to the supervisor's approval — through nginx in front of two portal processes on
/// one PostgreSQL and one Redis, every request going to the other instance than the one before.
/// </summary>
[Trait("Category", "Slow")]
[RequiresPostgreSql]
public sealed partial class TwoInstanceTests : IAsyncLifetime
{
    private string _database = string.Empty;
    private string _connectionString = string.Empty;
    private LoadBalancedPortal _portal = null!;
    private TestRedis _redis = null!;
    private FakeGateway _sms = null!;

    /// <summary>Low enough to reach, and unused by the journey (no client system calls the token endpoint there).</summary>
    private const int TokenLimit = 4;
    private readonly UpstreamRecorder _upstreams = new();

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        _connectionString = TestPostgres.ConnectionStringFor(_database);
        PersonalData.Configure(
            new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PersonalData.KeySetting] = PortalFactory.TestPersonalDataKey, [PersonalData.PreviousKeysSetting] = PortalFactory.TestPreviousPersonalDataKey }).Build(),
            AppContext.BaseDirectory,
            development: false);
        _redis = await TestRedis.StartAsync();
        _sms = await FakeGateway.StartAsync();
        _portal = await LoadBalancedPortal.StartAsync(new Dictionary<string, string>
        {
            ["Sms__Gateway__Endpoint"] = _sms.Address.ToString(), // one phone network for both instances' outbox workers
            ["Redis__Configuration"] = _redis.Configuration,
            ["RateLimits__token__PermitLimit"] = TokenLimit.ToString(CultureInfo.InvariantCulture),
            ["Database__Provider"] = nameof(DatabaseProvider.PostgreSql),
            ["ConnectionStrings__Default"] = _connectionString,
            ["Captcha__FixedAnswer"] = PortalSession.CaptchaAnswer,
            ["Protection__PersonalDataKey"] = PortalFactory.TestPersonalDataKey,
            ["RateLimits__credentials__PermitLimit"] = "100000",
            ["RateLimits__registration__PermitLimit"] = "100000",
            ["RateLimits__sms__PermitLimit"] = "100000",

            // 扫码登录's place table: nginx forwards from loopback, so the phone sees this place (QrSignInAcrossInstances).
            ["QrSignIn__Places__0__Network"] = "127.0.0.0/8",
            ["QrSignIn__Places__0__Place"] = QrPlace,
        });
    }

    public async Task DisposeAsync()
    {
        await _portal.DisposeAsync();
        await _redis.DisposeAsync();
        await _sms.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }

    [Fact]
    public async Task A_whole_journey_succeeds_with_every_request_alternating_between_two_instances()
    {
        // Register (captcha, antiforgery and the SMS code issued by one instance, checked by the other).
        var (citizen, session) = await RegisterAsync();
        Assert.Equal(citizen.MaskedIdNumber, (await session.GetPageAsync("/my")).QuerySelector("[data-field=id-number]")!.TextContent);

        // Log in on a fresh session (the cookie of one instance read by the other).
        Assert.Equal("/my", (await NewSession().LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        // 通行密钥: added and signed in with, the ceremony's state (a protected cookie) issued by one instance
        // and checked by the other; the assertion sent again from another browser opens nothing.
        using var authenticator = new SoftwareAuthenticator { Origin = _portal.Address.GetLeftPart(UriPartial.Authority) };
        var added = await Accounts.PasskeyJourney.AddAsync(session, authenticator, citizen.Password);
        Assert.True(added.Ok, added.Message);
        var passkeySession = NewSession();
        var options = await Accounts.PasskeyJourney.PostAsync(passkeySession, Accounts.PasskeyJourney.LoginOptionsUrl, CitizenJourney.LoginUrl, []);
        var assertion = authenticator.Get(options.Options);
        var signedIn = await Accounts.PasskeyJourney.PostAsync(passkeySession, Accounts.PasskeyJourney.LoginUrl, CitizenJourney.LoginUrl, new() { ["Credential"] = assertion });
        Assert.True(signedIn.Ok, signedIn.Message);
        var replayed = await Accounts.PasskeyJourney.PostAsync(NewSession(), Accounts.PasskeyJourney.LoginUrl, CitizenJourney.LoginUrl, new() { ["Credential"] = assertion });
        Assert.False(replayed.Ok);

        // Forgot password by SMS (the reset ticket crosses instances).
        await AllowNextSmsAsync(citizen.Phone);
        const string resetPassword = "Reset#Wutai5Ks";
        await ResetPasswordAsync(citizen.IdNumber, citizen.Phone, resetPassword);
        Assert.Equal("/my", (await NewSession().LogInAsync(citizen.IdNumber, resetPassword)).Location);

        // The counter: the first administrator from the command, staff created in the staff area, a phone change approved.
        var admin = NewSession();
        var adminMember = await admin.EnrolAsync("admin01", await CreateAdministratorAsync());
        var clerk = await NewStaffAsync(admin, StaffRole.Clerk);
        var supervisor = await NewStaffAsync(admin, StaffRole.Supervisor);
        Assert.False(string.IsNullOrEmpty(adminMember.AuthenticatorKey));

        var accountId = CounterDeskSteps.AccountIdFrom(await clerk.FindAccountAsync(citizen.IdNumber));
        var newPhone = Citizen.NewPhone();
        var opened = await clerk.OpenRequestAsync($"/counter/requests/new?accountId={accountId}&kind=ReservedPhone", new Dictionary<string, string?>
        {
            ["UserType"] = nameof(CounterUserType.Person),
            ["NewPhone"] = newPhone,
        });
        var requestUrl = opened.Location!;
        await clerk.CompleteMaterialsAsync(requestUrl);
        Assert.Equal(requestUrl, (await clerk.SubmitAsync(await clerk.GetPageAsync(requestUrl), requestUrl + "/submit", new Dictionary<string, string?>())).Location);
        await supervisor.SubmitAsync(await supervisor.GetPageAsync(requestUrl), requestUrl + "/approve", new Dictionary<string, string?>());
        Assert.Equal(nameof(CounterRequestStatus.Applied), (await supervisor.GetPageAsync(requestUrl)).QuerySelector("[data-request-status]")!.GetAttribute("data-request-status"));

        // The holder gets back in by the new phone.
        const string finalPassword = "Final#Mianshan64";
        await ResetPasswordAsync(citizen.IdNumber, newPhone, finalPassword);
        Assert.Equal("/my", (await NewSession().LogInAsync(citizen.IdNumber, finalPassword)).Location);

        // Every request went to the other instance than the one before.
        var served = _upstreams.Served;
        Assert.True(served.Count >= 40, $"only {served.Count} requests");
        Assert.Equal(_portal.InstancePorts.Select(p => $"127.0.0.1:{p}").Order(), served.Distinct().Order());
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));

        // Both instances' outbox workers delivered: every message once (codes and notices alike). Codes
        // are unique, so a code received twice was sent twice; two new-browser notices in one minute
        // read alike, so the count of delivered rows speaks for the rest.
        await OutboxDrainedAsync();
        var texts = _sms.Received.Select(m => m.GetProperty("phone").GetString() + " " + m.GetProperty("text").GetString()).ToList();
        var codes = _sms.Received.Select(m => m.GetProperty("text").GetString()!).Where(t => SixDigits().IsMatch(t)).ToList();
        Assert.True(codes.Count == codes.Distinct().Count(), "A code was delivered twice:" + Environment.NewLine + string.Join(Environment.NewLine, texts));
        Assert.Equal(texts.Count, await CountAsync(db => db.SmsOutbox.CountAsync(m => m.DeliveredAt != null)));
        Console.WriteLine($"Suite count: two instances, {served.Count} requests through nginx, {served.Count(s => s == served[0])} and {served.Count(s => s != served[0])} per instance, strictly alternating.");
    }

    [Fact]
    public async Task Requests_alternating_between_the_instances_meet_one_shared_limit_not_twice_it()
    {
        var client = NewSession().Client;
        var answers = new List<HttpResponseMessage>();
        for (var attempt = 0; attempt <= TokenLimit; attempt++)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "nobody", ["client_secret"] = "guessing-" + attempt });
            answers.Add(await client.PostAsync(new Uri("/connect/token", UriKind.Relative), form));
        }

        // Each instance saw at most three of the five, under its own limit of four: the fifth is refused by the shared count.
        var served = _upstreams.Served;
        Assert.All(served.Zip(served.Skip(1)), pair => Assert.NotEqual(pair.First, pair.Second));
        Assert.All(answers.Take(TokenLimit), a => Assert.NotEqual(System.Net.HttpStatusCode.TooManyRequests, a.StatusCode));
        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, answers[TokenLimit].StatusCode);
        Assert.Contains("temporarily_unavailable", await answers[TokenLimit].Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_signed_in_on_one_instance_is_listed_and_ended_from_the_other_which_then_refuses_it()
    {
        var citizen = await RegisteredCitizenAsync();
        var device = NewSession();
        Assert.True(device.Client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", Accounts.SignInHistoryJourney.ChromeOnWindows));
        Assert.Equal("/my", (await device.LogInAsync(citizen.IdNumber, citizen.Password)).Location);
        var signedInOn = _upstreams.Served[^1];
        var other = _portal.InstancePorts.Select(p => $"127.0.0.1:{p}").Single(i => i != signedInOn);
        var manager = NewSession();
        Assert.Equal("/my", (await manager.LogInAsync(citizen.IdNumber, citizen.Password)).Location);

        await NextGoesToAsync(other);
        var page = await manager.GetPageAsync(Accounts.SignInHistoryJourney.HistoryUrl);
        Assert.Equal(other, _upstreams.Served[^1]);
        var listed = page.QuerySelectorAll("[data-open-sessions] li").Single(li => li.TextContent.Contains("Chrome（Windows）", StringComparison.Ordinal));
        var action = $"{Accounts.SignInHistoryJourney.HistoryUrl}/{listed.GetAttribute("data-session")}/end";
        Assert.Contains("127.0.0.*", listed.TextContent, StringComparison.Ordinal); // nginx's address, masked

        await NextGoesToAsync(other);
        Assert.Equal(Accounts.SignInHistoryJourney.HistoryUrl, (await manager.SubmitAsync(page, action, new Dictionary<string, string?>())).Location);
        Assert.Equal(other, _upstreams.Served[^1]);

        await NextGoesToAsync(signedInOn);
        using var refused = await device.Client.GetAsync(new Uri("/my", UriKind.Relative));
        Assert.Equal(signedInOn, _upstreams.Served[^1]);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/login", refused.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    /// <summary>nginx alternates: when the last answer came from <paramref name="instance"/>, one request more, so the next goes to it.</summary>
    private async Task NextGoesToAsync(string instance)
    {
        if (_upstreams.Served[^1] == instance)
        {
            using var flip = await NewSession().Client.GetAsync(new Uri("/healthz", UriKind.Relative));
            Assert.NotEqual(instance, _upstreams.Served[^1]);
        }
    }

    /// <summary>A citizen registered through the forms (the code read from the gateway), signed in on a session not kept.</summary>
    private async Task<Citizen> RegisteredCitizenAsync()
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
        Assert.Equal("/my", (await session.SubmitAsync(register, CitizenJourney.RegisterUrl, CitizenJourney.RegistrationFields(citizen, await LatestCodeAsync(citizen.Phone)))).Location);
        return citizen;
    }

    private PortalSession NewSession() => new(_portal.NewClient(_upstreams.NewHandler()));

    private async Task ResetPasswordAsync(string account, string phone, string password)
    {
        var (step2, reset) = await NewSession().ResetPasswordAsync(account, () => LatestCodeAsync(phone), password);
        Assert.DoesNotContain(Domain.Identifiers.SensitiveText.MaskPhone(phone), step2.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Equal("/account/login", reset.Location);
    }

    private async Task<string> CreateAdministratorAsync()
    {
        var outcome = await PortalProcess.RunAsync(
            new Dictionary<string, string> { ["Database__Provider"] = nameof(DatabaseProvider.PostgreSql), ["ConnectionStrings__Default"] = _connectionString },
            "create-admin",
            "admin01",
            "赵管理");
        Assert.True(outcome.ExitCode == 0, outcome.Error);
        return OneTimePassword().Match(outcome.Output).Groups[1].Value;
    }

    private async Task<PortalSession> NewStaffAsync(PortalSession admin, string role)
    {
        var loginName = StaffJourney.NewLoginName();
        var created = await admin.SubmitAsync(await admin.GetPageAsync("/counter/staff/new"), "/counter/staff/new", new Dictionary<string, string?> { ["LoginName"] = loginName, ["Name"] = "钱窗口", ["Roles"] = role });
        var password = created.Page.QuerySelector("[data-initial-password]")?.TextContent ?? throw new InvalidOperationException(string.Join(" | ", created.Errors));
        var session = NewSession();
        await session.EnrolAsync(loginName, password);
        return session;
    }

    /// <summary>
    /// Every queued message delivered and received: a notice of the journey's last sign-in may still
    /// be on its way when the journey ends.
    /// </summary>
    private async Task OutboxDrainedAsync()
    {
        for (var wait = 0; wait < 100; wait++)
        {
            var delivered = await CountAsync(db => db.SmsOutbox.CountAsync(m => m.DeliveredAt != null));
            if (await CountAsync(db => db.SmsOutbox.CountAsync(m => m.DeliveredAt == null)) == 0 && _sms.Received.Count >= delivered)
            {
                return;
            }

            await Task.Delay(50);
        }
    }

    /// <summary>The code of the newest SMS to the phone, as the gateway received it from either instance's worker.</summary>
    private async Task<string> LatestCodeAsync(string phone)
    {
        // The worker of the instance that saved the code sends it at once; allow it a few seconds.
        for (var wait = 0; wait < 100; wait++)
        {
            var undelivered = await CountAsync(db => db.SmsOutbox.CountAsync(m => m.Phone == phone && m.DeliveredAt == null));
            if (undelivered == 0)
            {
                // The newest message with a code: notices (a sign-in from a new browser) may be delivered after it.
                return _sms.Received.Where(m => m.GetProperty("phone").GetString() == phone)
                    .Select(m => SixDigits().Match(m.GetProperty("text").GetString()!))
                    .Last(match => match.Success).Value;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The outbox did not deliver the code to " + phone);
    }

    private async Task<int> CountAsync(Func<PortalDbContext, Task<int>> query)
    {
        var count = 0;
        await UseDatabaseAsync(async db => count = await query(db));
        return count;
    }

    /// <summary>A minute passes for the phone's send limit (the instances run on the real clock).</summary>
    private Task AllowNextSmsAsync(string phone) => UseDatabaseAsync(db =>
        db.SmsThrottles.Where(t => t.Phone == phone).ExecuteUpdateAsync(set => set.SetProperty(t => t.LastSentAt, DateTime.UtcNow.AddMinutes(-2))));

    private async Task UseDatabaseAsync(Func<PortalDbContext, Task> work)
    {
        await using var db = new PortalDbContext(PortalDatabase.Options(DatabaseProvider.PostgreSql, _connectionString));
        await work(db);
    }

    [GeneratedRegex(@"one-time password: (\S+)")]
    private static partial Regex OneTimePassword();

    [GeneratedRegex(@"\d{6}")]
    private static partial Regex SixDigits();

    /// <summary>Records which instance served each response (nginx's X-Upstream header).</summary>
    private sealed class UpstreamRecorder
    {
        private readonly List<string> _served = [];

        public IReadOnlyList<string> Served
        {
            get
            {
                lock (_served)
                {
                    return [.. _served];
                }
            }
        }

        public DelegatingHandler NewHandler() => new Recording(this);

        private sealed class Recording(UpstreamRecorder recorder) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
            {
                var response = await base.SendAsync(request, cancellationToken);
                if (response.Headers.TryGetValues("X-Upstream", out var values))
                {
                    lock (recorder._served)
                    {
                        recorder._served.Add(values.Single());
                    }
                }

                return response;
            }
        }
    }
}
