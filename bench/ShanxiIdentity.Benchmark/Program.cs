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

const string RawArgon2 = "argon2id verifications";

// Every server stays up for the whole run, so that each round measures every scenario once.
var rounds = new Rounds(options);
await using var running = new ServerProcesses();

// The limit of a login: raw hash verifications per second on all cores, measured in every round as well.
var argon2 = new Argon2PasswordHasher(new Argon2Settings(), new PasswordHashSlots());
var argonHash = argon2.HashPassword(new Account(), AccountSeeder.Password);
rounds.Add(RawArgon2, null, (name, duration) => Task.FromResult(HashRate(name, duration, () => argon2.VerifyHashedPassword(new Account(), argonHash, AccountSeeder.Password) != PasswordVerificationResult.Failed)));
var pbkdf2 = new PasswordHasher<IdentityUser>();
var pbkdf2Hash = pbkdf2.HashPassword(new IdentityUser(), AccountSeeder.Password);
// The template's hash, in every round too: what its login costs beyond it is the floor the portal's is compared with.
rounds.Add(Report.RawPbkdf2, null, (name, duration) => Task.FromResult(HashRate(name, duration, () => pbkdf2.VerifyHashedPassword(new IdentityUser(), pbkdf2Hash, AccountSeeder.Password) != PasswordVerificationResult.Failed)));

string[] peerScenarios = ["peer: home page", "peer: login page", "peer: complete logins"];
ServerProcess? peer = null;
if (!options.SkipPeer && peerScenarios.Any(options.Includes))
{
    Console.WriteLine("Generating and publishing the stock template (dotnet new mvc --auth Individual)…");
    var peerDll = await StockTemplate.PublishAsync(work);
    peer = await ServerProcess.StartAsync(peerDll, new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" });
    running.Add(peer);
    await StockTemplate.RegisterAsync(peer.Address);
    await WarmUpProcessAsync("peer", peer.Address, StockTemplate.LogInAsync);
    rounds.Add(peerScenarios[0], peer, (name, duration) => Wrk.GetAsync(name, peer.Address, "/", duration, options.Workers));
    rounds.Add(peerScenarios[1], peer, (name, duration) => Wrk.GetAsync(name, peer.Address, "/Identity/Account/Login", duration, options.Workers));
    rounds.Add(peerScenarios[2], peer, (name, duration) => LoadClient.RunAsync(name, peer.Address, duration, options.Workers, StockTemplate.LogInAsync));
    facts["peer: start to first 200 (s)"] = peer.StartToFirst200.TotalSeconds;
}

using var registrations = Registrations.StartGateway();
var deployment = DeploymentEnvironment.Read(root);
var comparisons = new List<Func<Task>>();
var disposables = new List<IDisposable>();
var portals = new List<(string Label, ServerProcess Portal)>();
var growth = new List<Func<Task>>();
foreach (var provider in options.Providers)
{
    var label = provider.ToString();
    var connection = await NewDatabaseAsync(provider, "bench");
    var environment = PortalEnvironment(provider, connection);

    Console.WriteLine($"{label}: migrating and seeding 1,000 accounts…");
    await (await ServerProcess.StartAsync(portalDll, environment, "/healthz")).DisposeAsync();
    await AccountSeeder.SeedAsync(provider, connection, argonHash, 0, 1_000);
    await Registrations.SeedResidentsAsync(provider, connection);
    await AccountSeeder.SettleAsync(provider, connection);

    var portal = await ServerProcess.StartAsync(portalDll, environment);
    running.Add(portal);
    portals.Add((label, portal));
    var sqliteFile = provider == DatabaseProvider.Sqlite ? new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connection).DataSource : null;
    growth.Add(() => DatabaseGrowth.PrintAsync(label, provider, connection, sqliteFile));
    facts[$"{label}: start to first 200 (s)"] = portal.StartToFirst200.TotalSeconds;
    await WarmUpProcessAsync(label, portal.Address, client => PortalLogin.LogInAsync(client, 1_000));
    foreach (var (page, path) in new[]
    {
        ("minimal endpoint /healthz", "/healthz"), ("home page", "/"), ("FAQ", "/guide/faq"),
        ("materials", "/guide/materials?operation=modify&userType=branch&agent=yes"), ("templates", "/guide/templates"), ("login page", "/account/login"),
    })
    {
        rounds.Add($"{label}: {page}", portal, (name, duration) => Wrk.GetAsync(name, portal.Address, path, duration, options.Workers));
    }

    rounds.Add($"{label}: complete logins (1,000 accounts)", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, client => PortalLogin.LogInAsync(client, 1_000)), BenchOptions.LoginLatencyWindows);
    rounds.Add($"{label}: complete registrations", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, registrations.RegisterAsync));

    var secret = await TokenGrants.RegisterAsync(provider, connection);
    rounds.Add($"{label}: client-credential grants", portal, (name, duration) => LoadClient.RunAsync(name, portal.Address, duration, options.Workers, client => TokenGrants.ClientCredentialsAsync(client, secret)));
    rounds.Add($"{label}: refresh-token grants", portal, (name, duration) => LoadClient.RunAsync(
        name, portal.Address, duration, options.Workers,
        client => TokenGrants.RefreshAsync(client, secret),
        prepare: client => TokenGrants.SignInAsync(client, secret, 1_000)));
    rounds.Add($"{label}: SMS-code sign-ins", portal, new SmsCodeSignIns(portal.Address, options.Workers, registrations, provider, connection, argonHash).RunAsync);
    var qr = new QrSignInPoll(portal.Address, options.Workers);
    var acting = new ActingAsOrganisation(portal.Address, options.Workers, provider, connection, argonHash);
    var passkeys = new PasskeySignIns(portal.Address, options.Workers, provider, connection, argonHash);
    disposables.AddRange([qr, acting, passkeys]);
    rounds.Add($"{label}: QR sign-in poll", portal, qr.RunAsync);
    rounds.Add($"{label}: pages acting as an organisation", portal, (name, duration) => acting.RunAsync(name, duration));
    rounds.Add($"{label}: passkey sign-ins", portal, passkeys.RunAsync);
    comparisons.Add(() => CompareAsync($"{label}: QR sign-in poll", (name, facts, duration, count) => qr.CompareAsync(portal, name, facts, duration, count)));
    comparisons.Add(() => CompareAsync($"{label}: pages acting as an organisation", (name, facts, duration, count) => acting.CompareAsync(portal, name, facts, duration, count)));
    comparisons.Add(() => BackChannelFanOut.MeasureAsync(label, provider, connection, portal, options, facts, rounds.MeasureOnceAsync));
    comparisons.Add(() => RetentionUnderLoad.MeasureAsync(label, provider, connection, portalDll, environment, options, facts, WarmUpProcessAsync));
    comparisons.Add(() => LoginStorm.MeasureAsync(label, provider, portalDll, environment, options, facts, WarmUpProcessAsync));

    // The scale test: a second database of its own, served by a second process, so that its logins
    // alternate with the 1,000-account logins round by round.
    var largeLogins = $"{label}: complete logins ({options.LargeAccounts:N0} accounts)";
    if (!options.Includes(largeLogins))
    {
        continue;
    }

    var largeConnection = await NewDatabaseAsync(provider, "bench-large");
    var largeEnvironment = PortalEnvironment(provider, largeConnection);
    await (await ServerProcess.StartAsync(portalDll, largeEnvironment, "/healthz")).DisposeAsync();
    Console.WriteLine($"{label}: seeding {options.LargeAccounts:N0} accounts…");
    var seeding = Stopwatch.StartNew();
    await AccountSeeder.SeedAsync(provider, largeConnection, argonHash, 0, options.LargeAccounts);
    await AccountSeeder.SettleAsync(provider, largeConnection);
    facts[$"{label}: seeding {options.LargeAccounts:N0} accounts (s)"] = seeding.Elapsed.TotalSeconds;
    var large = await ServerProcess.StartAsync(portalDll, largeEnvironment);
    running.Add(large);
    await WarmUpProcessAsync($"{label} ({options.LargeAccounts:N0} accounts)", large.Address, client => PortalLogin.LogInAsync(client, options.LargeAccounts));
    rounds.Add(largeLogins, large, (name, duration) => LoadClient.RunAsync(name, large.Address, duration, options.Workers, client => PortalLogin.LogInAsync(client, options.LargeAccounts)), BenchOptions.LoginLatencyWindows);
}

Console.WriteLine($"Measuring: {options.Rounds} rounds of every scenario…");
await rounds.RunAsync(async () =>
{
    foreach (var print in growth)
    {
        await print();
    }
});
foreach (var compare in comparisons)
{
    // One scenario that cannot complete must not cost the run its report.
    try
    {
        await compare();
    }
    catch (Exception failure) when (failure is InvalidOperationException or HttpRequestException or TimeoutException or IOException)
    {
        Console.Error.WriteLine($"Not measured: {failure.Message}");
        facts[$"not measured: {failure.Message}"] = double.NaN;
    }
}

foreach (var (label, portal) in portals)
{
    RecordMemory(label, portal);
}

if (peer is not null)
{
    RecordMemory("peer", peer);
}

await running.DisposeAsync();

disposables.ForEach(d => d.Dispose());
var report = Report.Build(rounds.Results, facts, options, deployment);
Console.WriteLine();
Console.WriteLine(report);
if (options.Output is { } output)
{
    var document = Path.Combine(root, output);
    await File.WriteAllTextAsync(document, Report.Insert(File.Exists(document) ? await File.ReadAllTextAsync(document) : null, report));
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

// The scenarios that compare within themselves (interleaved windows) or run servers of their own, after the rounds, into the facts.
async Task CompareAsync(string name, Func<string, Dictionary<string, double>, TimeSpan, int, Task> compare)
{
    if (options.Includes(name))
    {
        await compare(name, facts, options.Duration, options.Rounds);
    }
}

static LoadResult HashRate(string name, TimeSpan duration, Func<bool> verify)
{
    var count = 0L;
    var clock = Stopwatch.StartNew();
    Parallel.For(0, Environment.ProcessorCount, _ =>
    {
        while (clock.Elapsed < duration)
        {
            if (verify())
            {
                Interlocked.Increment(ref count);
            }
        }
    });
    return new LoadResult(name, (int)count, count / clock.Elapsed.TotalSeconds, double.NaN, double.NaN, 0);
}

// A new database: a file for SQLite, a database on the run's server for PostgreSQL.
async Task<string> NewDatabaseAsync(DatabaseProvider provider, string name) =>
    provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(work, name + ".db")}"
        : await CreatePostgresDatabaseAsync(options.Postgres!);

Dictionary<string, string> PortalEnvironment(DatabaseProvider provider, string connection)
{
    var label = provider.ToString();
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
        ["RateLimits__qr__PermitLimit"] = "100000000",
        ["RateLimits__qr-poll__PermitLimit"] = "100000000",
        ["Sms__Gateway__Endpoint"] = registrations.Endpoint.ToString(),
        ["SingleSignOn__BackChannelLogout__AllowLoopback"] = "true", // the client systems' logout endpoints are in this process
        ["Logging__Console"] = "false",
        ["Logging__Directory"] = Path.Combine(work, "logs-" + label + "-" + Math.Abs(connection.GetHashCode(StringComparison.Ordinal))),
        ["Serilog__MinimumLevel__Default"] = "Warning",
    };
    foreach (var (name, value) in deployment)
    {
        environment[name] = value;
    }

    return environment;
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

// What the server's resident memory is after the run, and what it is made of.
void RecordMemory(string label, ServerProcess server)
{
    facts[$"{label}: resident MiB after run"] = server.ResidentMiB();
    var (anonymous, file, shared) = server.ResidentPartsMiB();
    facts[$"{label}: of it anonymous (GC heap and native) MiB"] = anonymous;
    facts[$"{label}: of it file-backed (assemblies, libraries) MiB"] = file;
    facts[$"{label}: of it shared (JIT code, mapped twice for W^X) MiB"] = shared;
}
