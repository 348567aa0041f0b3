using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// 退出 by a person signed in to <see cref="Clients"/> client systems, each registered with a
/// back-channel logout address (this process's <see cref="LogoutReceiver"/>): the sign-out request's
/// latency must not grow with the clients (the logouts are queued in its save and delivered in the
/// background), and every client hears of it soon. Each worker is one person: it signs in (a complete
/// login, not timed), signs out (timed), then waits for its clients' tokens before the next round.
/// Compared, interleaved, with people who use no client system.
/// </summary>
internal sealed class BackChannelFanOut
{
    public const int Clients = 10;
    private const int Rounds = 3;
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(15);
    private static readonly ConditionalWeakTable<HttpClient, StrongBox<int>> Accounts = [];

    private readonly LogoutReceiver _receiver;
    private readonly int _workers;
    private readonly ConcurrentQueue<double> _signOutMs = new();
    private readonly ConcurrentQueue<double> _deliverySeconds = new();
    private int _slot;

    private BackChannelFanOut(LogoutReceiver receiver, int workers)
    {
        _receiver = receiver;
        _workers = workers;
    }

    public delegate Task Measure(string name, ServerProcess server, Func<string, TimeSpan, Task<LoadResult>> scenario, int windows);

    /// <summary>The scenario's row (with clients), then the interleaved comparison with people who use none, into <paramref name="facts"/>.</summary>
    public static async Task MeasureAsync(string label, DatabaseProvider provider, string connection, ServerProcess portal, BenchOptions options, IDictionary<string, double> facts, Measure measure)
    {
        var name = $"{label}: back-channel logout fan-out";
        if (!options.Includes(name))
        {
            return;
        }

        using var receiver = LogoutReceiver.Start();
        var secret = await RegisterClientsAsync(provider, connection, receiver).ConfigureAwait(false);
        var fanOut = new BackChannelFanOut(receiver, options.Workers);
        await Task.WhenAll(Enumerable.Range(0, options.Workers).Select(slot => fanOut.ConsentAsync(portal.Address, secret, fanOut.Account(slot, true)))).ConfigureAwait(false);

        await measure(name, portal, (n, duration) => fanOut.RunAsync(n, portal, duration, true), 1).ConfigureAwait(false);

        // Interleaved: people with the clients, people without, round after round.
        var window = options.Duration;
        var (p99, cpu) = (new List<double>(), new List<double>());
        fanOut._deliverySeconds.Clear();
        for (var round = 1; round <= Rounds; round++)
        {
            var with = await fanOut.RunAsync($"{name} ({Clients} clients, round {round})", portal, window, true).ConfigureAwait(false);
            var without = await fanOut.RunAsync($"{name} (no client, round {round})", portal, window, false).ConfigureAwait(false);
            Console.WriteLine(with);
            Console.WriteLine(without);
            p99.Add(with.P99Ms / without.P99Ms);
            cpu.Add(with.ServerCpuMs - without.ServerCpuMs);
        }

        var delivery = fanOut._deliverySeconds.Order().ToArray();
        facts[$"{name}: delivery to all {Clients} clients median (s)"] = Stats.Percentile(delivery, 0.50);
        facts[$"{name}: delivery to all {Clients} clients p99 (s)"] = Stats.Percentile(delivery, 0.99);
        Stats.Ratio(facts, $"{name}: sign-out p99, {Clients} clients vs none", p99);
        facts[$"{name}: server CPU per sign-out for {Clients} clients beyond none, median (ms)"] = Stats.Median(cpu);
        facts[$"{name}: tokens for nobody waiting"] = receiver.Strays;
    }

    /// <summary>
    /// Windows of people signing in and out: the row's /s counts sign-in-and-out rounds (a complete
    /// login each), its p50/p99 the sign-out request alone, its server CPU the whole round.
    /// </summary>
    private async Task<LoadResult> RunAsync(string name, ServerProcess portal, TimeSpan duration, bool withClients)
    {
        _signOutMs.Clear();
        var before = portal.CpuTime();
        var result = await LoadClient.RunAsync(name, portal.Address, duration, _workers, client => SignInAndOutAsync(client, withClients), client =>
        {
            Accounts.AddOrUpdate(client, new StrongBox<int>(Account(Interlocked.Increment(ref _slot) % _workers, withClients)));
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        var signOuts = _signOutMs.Order().ToArray();
        return result with
        {
            P50Ms = Stats.Percentile(signOuts, 0.50),
            P99Ms = Stats.Percentile(signOuts, 0.99),
            ServerCpuMs = (portal.CpuTime() - before).TotalMilliseconds / Math.Max(1, result.Succeeded + result.Failures),
            ResidentMiB = portal.ResidentMiB(),
        };
    }

    private async Task<bool> SignInAndOutAsync(HttpClient client, bool withClients)
    {
        var account = Accounts.GetOrCreateValue(client).Value;
        if (!await LogInAsync(client, account).ConfigureAwait(false))
        {
            return false;
        }

        var fields = await Forms.HiddenFieldsAsync(client, "/my").ConfigureAwait(false); // the page the person signs out from
        var expected = withClients ? _receiver.Expect(account, Clients) : null;
        var started = Stopwatch.GetTimestamp();
        if (await Forms.PostAsync(client, "/account/logout", fields).ConfigureAwait(false) != "/")
        {
            return false;
        }

        _signOutMs.Enqueue(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (expected is null)
        {
            return true;
        }

        var last = await expected.AllAsync(DeliveryTimeout).ConfigureAwait(false);
        _receiver.Forget(account);
        if (last is { } at)
        {
            _deliverySeconds.Enqueue(Stopwatch.GetElapsedTime(started, at).TotalSeconds);
        }

        return last is not null;
    }

    /// <summary>Seeded accounts below 1,000 kept for this scenario: one per worker with the clients, one per worker without.</summary>
    private int Account(int slot, bool withClients) => 1_000 - (withClients ? 2 : 1) * _workers + slot;

    private static async Task<bool> LogInAsync(HttpClient client, int account)
    {
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        fields["Account"] = AccountSeeder.IdNumber(account);
        fields["Password"] = AccountSeeder.Password;
        fields["Captcha"] = "PASS";
        return await Forms.PostAsync(client, "/account/login", fields).ConfigureAwait(false) == "/my";
    }

    /// <summary>Before the clock: the person signs in to each client once (consent, code, tokens); the id_token's sub tells the receiver whose logout token is whose.</summary>
    private async Task ConsentAsync(Uri portal, string secret, int account)
    {
        using var client = LoadClient.NewBrowser(portal);
        if (!await LogInAsync(client, account).ConfigureAwait(false))
        {
            throw new InvalidOperationException("The benchmark's login failed.");
        }

        for (var i = 0; i < Clients; i++)
        {
            var verifier = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
            var authorize = QueryHelpers.AddQueryString("/connect/authorize", new Dictionary<string, string?>
            {
                ["client_id"] = ClientId(i), ["redirect_uri"] = RedirectUri(i), ["response_type"] = "code", ["scope"] = "openid",
                ["code_challenge"] = WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))), ["code_challenge_method"] = "S256",
            });
            var (location, consent) = await Forms.OpenAsync(client, authorize).ConfigureAwait(false);
            if (location is null)
            {
                consent["decision"] = "accept";
                location = await Forms.PostAsync(client, "/connect/authorize", consent).ConfigureAwait(false) ?? throw new InvalidOperationException("The consent did not redirect to the client.");
            }

            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "authorization_code", ["code"] = QueryHelpers.ParseQuery(new Uri(location).Query)["code"].ToString(),
                ["redirect_uri"] = RedirectUri(i), ["code_verifier"] = verifier, ["client_id"] = ClientId(i), ["client_secret"] = secret,
            });
            using var response = await client.PostAsync(new Uri("/connect/token", UriKind.Relative), content).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"The code was not redeemed: {body}");
            }

            var idToken = JsonDocument.Parse(body).RootElement.GetProperty("id_token").GetString()!;
            _receiver.Learn(JsonDocument.Parse(WebEncoders.Base64UrlDecode(idToken.Split('.')[1])).RootElement.GetProperty("sub").GetString()!, account);
        }
    }

    private static string ClientId(int i) => $"bench-logout-{i}";

    private static string RedirectUri(int i) => $"https://logout-{i}.bench.example.gov.cn/signin-oidc";

    /// <summary>The client systems, straight in the database through the portal's application manager, each with its logout address at the receiver.</summary>
    private static async Task<string> RegisterClientsAsync(DatabaseProvider provider, string connectionString, LogoutReceiver receiver)
    {
        var services = new ServiceCollection();
        services.AddDbContext<PortalDbContext>(options => PortalDatabase.Configure(options, provider, connectionString));
        services.AddLogging();
        services.AddOpenIddict().AddCore(options =>
        {
            options.UseEntityFrameworkCore().UseDbContext<PortalDbContext>();
            options.ReplaceApplicationManager(typeof(PortalApplicationManager<>));
        });
        await using var provided = services.BuildServiceProvider();
        await using var scope = provided.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        for (var i = 0; i < Clients; i++)
        {
            if (await applications.FindByClientIdAsync(ClientId(i)).ConfigureAwait(false) is { } existing)
            {
                await applications.DeleteAsync(existing).ConfigureAwait(false);
            }

            var descriptor = new OpenIddictApplicationDescriptor
            {
                ClientId = ClientId(i), ClientSecret = secret, ClientType = ClientTypes.Confidential, ConsentType = ConsentTypes.Explicit,
                DisplayName = $"基准测试接入系统{i}", RedirectUris = { new Uri(RedirectUri(i)) },
                Permissions = { Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code },
                Requirements = { Requirements.Features.ProofKeyForCodeExchange },
            };
            descriptor.Properties[SsoClaims.BackChannelLogoutUriProperty] = JsonSerializer.SerializeToElement(receiver.ClientAddress(i).ToString());
            await applications.CreateAsync(descriptor).ConfigureAwait(false);
        }

        return secret;
    }
}
