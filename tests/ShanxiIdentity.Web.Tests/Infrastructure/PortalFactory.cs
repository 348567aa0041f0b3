using FluentValidation;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.Sms;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// The real portal on a real database of its own: a fresh SQLite file, or a fresh PostgreSQL
/// database on the server the test script started. Migrations run exactly as in production.
/// </summary>
public abstract class PortalFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _workDirectory = Directory.CreateTempSubdirectory("shanxi-test-").FullName;

    /// <summary>Requests arrive as HTTPS, as behind the production TLS terminator: cookies are Secure outside Development.</summary>
    protected PortalFactory() => ClientOptions.BaseAddress = new Uri("https://localhost");

    /// <summary>
    /// The personal-data key of every test host (EF's model, cached per process, serves one key).
    /// A test value, random at nothing: it protects no real data.
    /// </summary>
    public const string TestPersonalDataKey = "dGVzdC1vbmx5LXBlcnNvbmFsLWRhdGEta2V5LTMyYgE=";

    /// <summary>A retired key that still decrypts (a rotation in progress): rows under it must keep working.</summary>
    public const string TestPreviousPersonalDataKey = "dGVzdC1vbmx5LXByZXZpb3VzLXBlcnNvbmFsLWtleSE=";

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = string.Empty;

    public string LogDirectory => Path.Combine(_workDirectory, "logs");

    public TestClock Clock { get; } = new();

    /// <summary>Between the development SMS gateway and its phone: a test can take it down.</summary>
    public virtual SmsNetwork SmsNetwork { get; } = new();

    /// <summary>Where back-channel logout tokens to SsoClient's client systems arrive (and how those answer).</summary>
    public ClientSystems ClientSystems { get; } = new();

    /// <summary>A visitor with its own cookies; redirects are not followed, so tests see where they lead.</summary>
    public PortalSession NewSession() => new(CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress }));

    public virtual async Task InitializeAsync() => ConnectionString = await CreateDatabaseAsync(_workDirectory);

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await DropDatabaseAsync();
        TryDelete(_workDirectory);
        GC.SuppressFinalize(this);
    }

    /// <summary>The error entries the portal logged so far, for the message of a failing assertion.</summary>
    public string LoggedErrors() => string.Join(
        Environment.NewLine,
        Directory.Exists(LogDirectory)
            ? Directory.GetFiles(LogDirectory).SelectMany(ReadShared).Where(line => line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
            : []);

    private static IEnumerable<string> ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n');
    }

    /// <summary>A fresh service scope on the portal's own container, for reading what a request wrote.</summary>
    public AsyncServiceScope CreateScope() => Services.CreateAsyncScope();

    /// <summary>
    /// Delivers what is due in the SMS outbox, as the worker does (after a drain the worker has under
    /// way, so what the portal saved before this call is delivered or failed when it returns).
    /// </summary>
    public Task<int> DeliverSmsAsync() => Services.GetRequiredService<SmsDelivery>().DeliverDueAsync(CancellationToken.None);

    /// <summary>The text of the newest SMS the phone received, or null.</summary>
    public virtual string? LatestSmsTo(string phone) =>
        Services.GetRequiredService<DevelopmentPhone>().Newest(DevelopmentPhone.Kept).FirstOrDefault(m => m.Phone == phone)?.Text;

    protected abstract Task<string> CreateDatabaseAsync(string workDirectory);

    /// <summary>Extra settings of a derived factory (gateway endpoints…).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    protected virtual Task DropDatabaseAsync() => Task.CompletedTask;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Not Development: the pages a citizen sees, without developer exception pages.
        builder.UseEnvironment("Testing");
        builder.UseSetting(DatabaseSettings.ProviderKey, Provider.ToString());
        builder.UseSetting(DatabaseSettings.ConnectionStringKey, ConnectionString);
        builder.UseSetting("Logging:Directory", LogDirectory);
        builder.UseSetting("Logging:Console", "false");
        builder.UseSetting("Captcha:FixedAnswer", PortalSession.CaptchaAnswer);
        builder.UseSetting(ShanxiIdentity.Data.Protection.PersonalData.KeySetting, TestPersonalDataKey);
        builder.UseSetting("SingleSignOn:Issuer", "https://localhost/"); // required outside Development
        builder.UseSetting(ShanxiIdentity.Data.Protection.PersonalData.PreviousKeysSetting, TestPreviousPersonalDataKey);
        builder.UseSetting($"{SmsDeliveryOptions.Section}:{nameof(SmsDeliveryOptions.QuickRetryDelay)}", "00:00:00.010"); // a blip in a test lasts milliseconds

        // Every request of a test host comes from one address: the per-address throttles would
        // trip across unrelated tests. RateLimitTests runs with the limits low instead.
        foreach (var policy in new[] { "credentials", "registration", "sms", "token" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }

        ConfigureSettings(builder);
        builder.ConfigureTestServices(services =>
        {
            // The probe endpoints and their validator (see TestProbeController).
            services.AddControllersWithViews().AddApplicationPart(typeof(PortalFactory).Assembly);
            services.AddValidatorsFromAssemblyContaining<PortalFactory>(includeInternalTypes: false);
            services.AddSingleton<TimeProvider>(Clock);
            services.AddHttpClient(ShanxiIdentity.Web.Services.BackChannel.BackChannelDelivery.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => ClientSystems).SetHandlerLifetime(Timeout.InfiniteTimeSpan);

            // The development gateway reaches its phone through the test's SmsNetwork (an HTTP gateway, if configured, is left alone).
            if (services.LastOrDefault(d => d.ServiceType == typeof(ISmsGateway))?.ImplementationType == typeof(DevelopmentSmsGateway))
            {
                services.AddScoped<ISmsGateway>(sp => new NetworkSmsGateway(SmsNetwork, ActivatorUtilities.CreateInstance<DevelopmentSmsGateway>(sp)));
            }
        });
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file may still be open on a slow shutdown; the temp folder is cleaned by the OS.
        }
    }
}

public class SqlitePortalFactory : PortalFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync(string workDirectory) =>
        Task.FromResult($"Data Source={Path.Combine(workDirectory, "portal.db")};Pooling=False");
}

public class PostgreSqlPortalFactory : PortalFactory
{
    private string? _databaseName;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override async Task<string> CreateDatabaseAsync(string workDirectory)
    {
        _databaseName = await TestPostgres.CreateDatabaseAsync();
        return TestPostgres.ConnectionStringFor(_databaseName);
    }

    protected override Task DropDatabaseAsync() =>
        _databaseName is null ? Task.CompletedTask : TestPostgres.DropDatabaseAsync(_databaseName);
}

/// <summary>
/// A second instance of the portal on another factory's database, as behind a load balancer. Its
/// development SMS gateway delivers to the first's phone over the first's network: a person has
/// one phone, whichever instance sends.
/// </summary>
public sealed class SameDatabasePortalFactory(PortalFactory first) : PortalFactory
{
    public override DatabaseProvider Provider => first.Provider;

    protected override Task<string> CreateDatabaseAsync(string workDirectory) => Task.FromResult(first.ConnectionString);

    public override SmsNetwork SmsNetwork => first.SmsNetwork;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton(first.Services.GetRequiredService<DevelopmentPhone>()));
    }
}
