using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Npgsql;
using ShanxiIdentity.Benchmark;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;

// The performance benchmark of docs/benchmarks.md; bench/run.sh runs it. Everything is measured
// in this one run on this one machine, and reported as figures and as ratios between them.
var options = BenchOptions.Parse(args);
var work = Directory.CreateTempSubdirectory("shanxi-bench-").FullName;
var results = new List<LoadResult>();
var facts = new Dictionary<string, double>();
Console.WriteLine($"Benchmark: {options.Duration.TotalSeconds} s a scenario, {options.Workers} workers, {options.LargeAccounts:N0} accounts for the scale test");

// One personal-data key for the run, shared by the portal processes and the bulk seeder here.
var personalDataKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
ShanxiIdentity.Data.Protection.PersonalData.Configure(
    new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { [ShanxiIdentity.Data.Protection.PersonalData.KeySetting] = personalDataKey })
        .Build(),
    work,
    development: false);

var root = FindRoot();
Console.WriteLine("Publishing ShanxiIdentity (Release)…");
var portalDll = Path.Combine(work, "portal", "ShanxiIdentity.Web.dll");
await StockTemplate.RunAsync("dotnet", root, "publish", "src/ShanxiIdentity.Web", "-c", "Release", "-o", Path.GetDirectoryName(portalDll)!, "--nologo", "-v", "quiet");

// The limit of a login: raw hash verifications per second on all cores.
var argon2 = new Argon2PasswordHasher(new Argon2Settings(), new PasswordHashSlots());
var argonHash = argon2.HashPassword(new Account(), AccountSeeder.Password);
facts["argon2id verifications/s"] = HashRate(() => argon2.VerifyHashedPassword(new Account(), argonHash, AccountSeeder.Password) != PasswordVerificationResult.Failed);
var pbkdf2 = new PasswordHasher<IdentityUser>();
var pbkdf2Hash = pbkdf2.HashPassword(new IdentityUser(), AccountSeeder.Password);
facts["pbkdf2 (Identity default) verifications/s"] = HashRate(() => pbkdf2.VerifyHashedPassword(new IdentityUser(), pbkdf2Hash, AccountSeeder.Password) != PasswordVerificationResult.Failed);

string[] peerScenarios = ["peer: home page", "peer: login page", "peer: complete logins"];
if (!options.SkipPeer && peerScenarios.Any(options.Includes))
{
    Console.WriteLine("Generating and publishing the stock template (dotnet new mvc --auth Individual)…");
    var peerDll = await StockTemplate.PublishAsync(work);
    await using var peer = await ServerProcess.StartAsync(peerDll, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    await StockTemplate.RegisterAsync(peer.Address);
    await WarmUpProcessAsync("peer", peer.Address, StockTemplate.LogInAsync);
    await MeasureAsync(peerScenarios[0], peer, (name, duration) => Wrk.GetAsync(name, peer.Address, "/", duration, options.Workers));
    await MeasureAsync(peerScenarios[1], peer, (name, duration) => Wrk.GetAsync(name, peer.Address, "/Identity/Account/Login", duration, options.Workers));
    await MeasureAsync(peerScenarios[2], peer, (name, duration) => LoadClient.RunAsync(name, peer.Address, duration, options.Workers, StockTemplate.LogInAsync));
    facts["peer: resident MiB after run"] = peer.ResidentMiB();
    facts["peer: start to first 200 (s)"] = peer.StartToFirst200.TotalSeconds;
}

using var registrations = Registrations.StartGateway();
var deployment = DeploymentEnvironment.Read(root);
foreach (var provider in options.Providers)
{
    var label = provider.ToString();
    var connection = provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(work, "bench.db")}"
        : await CreatePostgresDatabaseAsync(options.Postgres!);
    var environment = new Dictionary<string, string>
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Testing", // the only environment besides Development that accepts the fixed captcha answer and HTTP sign-on
        ["Database__Provider"] = label,
        ["ConnectionStrings__Default"] = connection,
        ["Captcha__FixedAnswer"] = "PASS",
        ["SingleSignOn__AllowHttp"] = "true", // loopback HTTP, as the load client speaks it
        ["SingleSignOn__Issuer"] = "http://127.0.0.1/", // required outside Development; the load client checks no issuer
        ["Protection__PersonalDataKey"] = personalDataKey,

        // The whole load comes from one address; in production it comes from a province.
        ["RateLimits__credentials__PermitLimit"] = "100000000",
        ["RateLimits__registration__PermitLimit"] = "100000000",
        ["RateLimits__sms__PermitLimit"] = "100000000",
        ["RateLimits__token__PermitLimit"] = "100000000",
        ["Sms__Gateway__Endpoint"] = registrations.Endpoint.ToString(),
        ["SingleSignOn__BackChannelLogout__AllowLoopback"] = "true", // the client systems' logout endpoints are in this process
        ["Logging__Console"] = "false",
        ["Logging__Directory"] = Path.Combine(work, "logs-" + label),
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };
    foreach (var (name, value) in deployment)
    {
        environment[name] = value;
    }

    Console.WriteLine($"{label}: migrating and seeding 1,000 accounts…");
    await (await ServerProcess.StartAsync(portalDll, environment, "/healthz")).DisposeAsync();
    await AccountSeeder.SeedAsync(provider, connection, argonHash, 0, 1_000);
    await Registrations.SeedResidentsAsync(provider, connection);
    await AccountSeeder.SettleAsync(provider, connection);

    await using (var portal = await ServerProcess.StartAsync(portalDll, environment))
    {
        facts[$"{label}: start to first 200 (s)"] = portal.StartToFirst200.TotalSeconds;
        await WarmUpProcessAsync(label, portal.Address, client => PortalLogin.LogInAsync(client, 1_000));
        foreach (var (page, path) in new[]
        {
            ("minimal endpoint /healthz", "/healthz"), ("home page", "/"), ("FAQ", "/guide/faq"),
            ("materials", "/guide/materials?operation=modify&userType=branch&agent=yes"), ("templates", "/guide/templates"), ("login page", "/account/login"),
        })
        {
            await MeasureAsync($"{label}: {page}", portal, (name, duration) => Wrk.GetAsync(name, portal.Address, path, duration, options.Workers));
        }

        await MeasureAsync($"{label}: complete logins (1,000 accounts)", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, client => PortalLogin.LogInAsync(client, 1_000)), BenchOptions.LoginLatencyWindows);

        await MeasureAsync($"{label}: complete registrations", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, registrations.RegisterAsync));

        var secret = await TokenGrants.RegisterAsync(provider, connection);
        await MeasureAsync($"{label}: client-credential grants", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, client => TokenGrants.ClientCredentialsAsync(client, secret)));
        await MeasureAsync($"{label}: refresh-token grants", portal, (name, duration) => LoadClient.RunAsync(
            name, portal.Address, duration, options.Workers,
            client => TokenGrants.RefreshAsync(client, secret),
            prepare: client => TokenGrants.SignInAsync(client, secret, 1_000)));
        await BackChannelFanOut.MeasureAsync(label, provider, connection, portal, options, facts, MeasureAsync);
        facts[$"{label}: resident MiB after run"] = portal.ResidentMiB();
    }

    await RetentionUnderLoad.MeasureAsync(label, provider, connection, portalDll, environment, options, facts, WarmUpProcessAsync);
    await LoginStorm.MeasureAsync(label, provider, portalDll, environment, options, facts, WarmUpProcessAsync);

    if (!options.Includes($"{label}: complete logins ({options.LargeAccounts:N0} accounts)"))
    {
        continue;
    }

    Console.WriteLine($"{label}: seeding up to {options.LargeAccounts:N0} accounts…");
    var seeding = Stopwatch.StartNew();
    await AccountSeeder.SeedAsync(provider, connection, argonHash, 1_000, options.LargeAccounts);
    await AccountSeeder.SettleAsync(provider, connection);
    facts[$"{label}: seeding to {options.LargeAccounts:N0} accounts (s)"] = seeding.Elapsed.TotalSeconds;
    await using (var portal = await ServerProcess.StartAsync(portalDll, environment))
    {
        await WarmUpProcessAsync($"{label} ({options.LargeAccounts:N0} accounts)", portal.Address, client => PortalLogin.LogInAsync(client, options.LargeAccounts));
        await MeasureAsync($"{label}: complete logins ({options.LargeAccounts:N0} accounts)", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, client => PortalLogin.LogInAsync(client, options.LargeAccounts)), BenchOptions.LoginLatencyWindows);
    }
}

var report = Report.Build(results, facts, options, deployment);
Console.WriteLine();
Console.WriteLine(report);
if (options.Output is { } output)
{
    await File.WriteAllTextAsync(Path.Combine(root, output), report);
    Console.WriteLine($"Written to {output}");
}

Directory.Delete(work, recursive: true);
return 0;

// The figures are for a portal that has been serving for a while, as on the morning of a login storm,
// not for one just started: a fresh process's login throughput keeps rising for about a minute under
// load (perf, 40 s in: the tiering JIT thread had a quarter of the CPU). So every server process first
// serves complete logins for the process warm-up, whose first 10 s are reported as the cold figure,
// and every scenario then runs unmeasured for the scenario warm-up before its measured window.
async Task WarmUpProcessAsync(string label, Uri address, Func<HttpClient, Task<bool>> logIn)
{
    var cold = TimeSpan.FromSeconds(Math.Min(10, options.ProcessWarmUp.TotalSeconds));
    if (cold <= TimeSpan.Zero)
    {
        return;
    }

    var first = await LoadClient.RunAsync(label, address, cold, options.Workers, logIn);
    facts[$"{label}: complete logins/s in the first {cold.TotalSeconds:F0} s after start"] = first.PerSecond;
    if (options.ProcessWarmUp > cold)
    {
        await LoadClient.RunAsync(label, address, options.ProcessWarmUp - cold, options.Workers, logIn);
    }
}

async Task MeasureAsync(string name, ServerProcess server, Func<string, TimeSpan, Task<LoadResult>> scenario, int windows = 1)
{
    if (!options.Includes(name))
    {
        return;
    }

    if (options.WarmUp > TimeSpan.Zero)
    {
        await scenario(name, options.WarmUp);
    }

    for (var round = 1; round < options.Rounds; round++)
    {
        Console.WriteLine($"{await Measured()} (round {round})");
    }

    var result = await Measured();
    Console.WriteLine(result);
    results.Add(result);

    async Task<LoadResult> Measured()
    {
        var before = server.CpuTime();
        var measured = await scenario(name, options.Duration * windows);
        return measured with
        {
            ServerCpuMs = (server.CpuTime() - before).TotalMilliseconds / Math.Max(1, measured.Succeeded + measured.Failures),
            ResidentMiB = server.ResidentMiB(),
        };
    }
}

static double HashRate(Func<bool> verify)
{
    var count = 0L;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, Environment.ProcessorCount, _ =>
    {
        while (clock.Elapsed < TimeSpan.FromSeconds(3))
        {
            if (verify())
            {
                Interlocked.Increment(ref count);
            }
        }
    });
    return count / clock.Elapsed.TotalSeconds;
}

static async Task<string> CreatePostgresDatabaseAsync(string admin)
{
    var name = "shanxi_bench_" + Guid.NewGuid().ToString("N")[..8];
    await using var connection = new NpgsqlConnection(admin);
    await connection.OpenAsync();
    await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
    await command.ExecuteNonQueryAsync();
    return new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 200 }.ConnectionString;
}

static string FindRoot()
{
    var directory = new DirectoryInfo(Directory.GetCurrentDirectory());
    while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ShanxiIdentity.sln")))
    {
        directory = directory.Parent;
    }

    return directory?.FullName ?? throw new InvalidOperationException("Run the benchmark from inside the repository.");
}

internal static class PortalLogin
{
    /// <summary>A complete 个人登录 by a visitor not signed in: the form with its token and captcha, then the post; only a redirect to 我的账号 counts.</summary>
    public static async Task<bool> LogInAsync(HttpClient client, int accounts)
    {
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        fields["Account"] = AccountSeeder.IdNumber(Random.Shared.Next(accounts));
        fields["Password"] = AccountSeeder.Password;
        fields["Captcha"] = "PASS";
        var location = await Forms.PostAsync(client, "/account/login", fields).ConfigureAwait(false);
        return location == "/my";
    }
}

internal sealed record BenchOptions(TimeSpan Duration, TimeSpan WarmUp, TimeSpan ProcessWarmUp, int Rounds, int Workers, int LargeAccounts, bool SkipPeer, string? Postgres, string? Output, string? Only)
{
    /// <summary>
    /// The login-latency pair (1,000 and 1,000,000 accounts) is measured over this many windows at
    /// once: the p99 of one 10-s window is its sixth-slowest of some 650 logins, which one hiccup moves.
    /// </summary>
    public const int LoginLatencyWindows = 3;

    /// <summary>Whether a scenario is run: all of them, or those whose name contains <c>--only</c>'s text.</summary>
    public bool Includes(string scenario) => Only is null || scenario.Contains(Only, StringComparison.OrdinalIgnoreCase);

    public IEnumerable<DatabaseProvider> Providers => Postgres is null ? [DatabaseProvider.Sqlite] : [DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql];

    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var smoke = args.Contains("--smoke");
        return new BenchOptions(
            TimeSpan.FromSeconds(int.Parse(Value("--duration") ?? (smoke ? "2" : "10"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Value("--warm-up") ?? (smoke ? "1" : "5"), CultureInfo.InvariantCulture)),
            TimeSpan.FromSeconds(int.Parse(Value("--process-warm-up") ?? (smoke ? "2" : "60"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--rounds") ?? "1", CultureInfo.InvariantCulture),
            int.Parse(Value("--workers") ?? "16", CultureInfo.InvariantCulture),
            int.Parse(Value("--large") ?? (smoke ? "5000" : "1000000"), CultureInfo.InvariantCulture),
            smoke || args.Contains("--skip-peer"),
            Value("--postgres") ?? Environment.GetEnvironmentVariable("SHANXI_BENCH_POSTGRES"),
            Value("--out") ?? (smoke || args.Contains("--only") ? null : "docs/benchmarks.md"),
            Value("--only"));
    }
}
