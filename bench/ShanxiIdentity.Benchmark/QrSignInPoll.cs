using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// 扫码登录's poll under load: many desktops waiting on the login page, each asking for its code's
/// state as fast as it answers (a real page asks every two seconds, so each poll a second here is two
/// waiting desktops), and one signed-in phone confirming a waiting code every half second; the
/// confirmed desktop completes its sign-in and, as the next visitor, asks for a new code. The poll
/// must cost next to nothing: it is compared, interleaved, with the minimal endpoint /healthz.
/// </summary>
internal sealed class QrSignInPoll(Uri address, int workers) : IDisposable
{
    private static readonly TimeSpan ConfirmEvery = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<HttpClient, Desktop> _desktops = new();
    private readonly HttpClient _phone = LoadClient.NewBrowser(address);
    private bool _phoneSignedIn;
    private int _confirmed;
    private int _completed;

    /// <summary>One load window: every worker a desktop with its own code, the phone confirming meanwhile.</summary>
    public async Task<LoadResult> RunAsync(string name, TimeSpan duration)
    {
        if (!_phoneSignedIn)
        {
            _phoneSignedIn = await PortalLogin.LogInAsync(_phone, 1_000).ConfigureAwait(false)
                ? true
                : throw new InvalidOperationException("The phone's login failed.");
        }

        using var stop = new CancellationTokenSource();
        var phone = ConfirmAsync(stop.Token);
        try
        {
            return await LoadClient.RunAsync(name, address, duration, workers, PollAsync, prepare: NewCodeAsync).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await phone.ConfigureAwait(false);
            _desktops.Clear();
        }
    }

    /// <summary>Interleaved windows of the poll and of /healthz through the same client: polls/s and server CPU against the minimal endpoint's.</summary>
    public async Task CompareAsync(ServerProcess server, string name, Dictionary<string, double> facts, TimeSpan duration, int rounds)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var (count, window) = Interleaved.Plan(duration, rounds);
        var results = await Interleaved.RunAsync(
            server, count, window,
            length => RunAsync(name, length),
            length => LoadClient.RunAsync(name + " (/healthz)", address, length, workers, HealthyAsync)).ConfigureAwait(false);
        Interleaved.AddRatio(facts, $"{name}: polls/s vs /healthz", results.Select(r => r.A.PerSecond / r.B.PerSecond));
        Interleaved.AddRatio(facts, $"{name}: server CPU per poll vs /healthz", results.Select(r => r.A.ServerCpuMs / r.B.ServerCpuMs));
        Console.WriteLine($"{name}: the phone confirmed {_confirmed} codes, {_completed} desktops signed in with them");
    }

    public void Dispose() => _phone.Dispose();

    private static async Task<bool> HealthyAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative)).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>One poll, as qr-sign-in.js sends it; a confirmed code is completed, an expired one renewed.</summary>
    private async Task<bool> PollAsync(HttpClient client)
    {
        var desktop = _desktops[client];
        string state;
        using (var request = new HttpRequestMessage(HttpMethod.Get, new Uri(desktop.Status, UriKind.Relative)))
        {
            request.Headers.Add("X-Requested-With", "fetch");
            using var response = await client.SendAsync(request).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
            state = answer.RootElement.GetProperty("state").GetString() ?? string.Empty;
        }

        switch (state)
        {
            case "waiting" or "scanned":
                return true;
            case "confirmed":
                var signedIn = await Forms.PostAsync(client, desktop.Complete, desktop.Fields).ConfigureAwait(false) == "/my";
                if (signedIn)
                {
                    Interlocked.Increment(ref _completed);
                }

                await NewCodeAsync(client).ConfigureAwait(false);
                return signedIn;
            case "expired" or "cancelled":
                await NewCodeAsync(client).ConfigureAwait(false);
                return true;
            default:
                return false;
        }
    }

    /// <summary>A visitor opens the login page, whose script asks for a code (its secret comes back as a cookie).</summary>
    private async Task NewCodeAsync(HttpClient client)
    {
        _desktops.TryRemove(client, out _);
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/qr/new", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Requested-With", "fetch");
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        using var answer = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
        var code = answer.RootElement;
        if (!code.TryGetProperty("id", out var id))
        {
            throw new InvalidOperationException("No QR code: " + code.GetRawText());
        }

        _desktops[client] = new Desktop(id.GetString()!, code.GetProperty("status").GetString()!, code.GetProperty("complete").GetString()!, fields);
    }

    /// <summary>The phone: opens a waiting desktop's link (已扫码), then 确认登录, every half second.</summary>
    private async Task ConfirmAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ConfirmEvery, stop).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var waiting = _desktops.Values.ToArray();
            if (waiting.Length == 0)
            {
                continue;
            }

            var chosen = waiting[Random.Shared.Next(waiting.Length)];
            try
            {
                var (redirect, fields) = await Forms.OpenAsync(_phone, "/qr/" + chosen.Id).ConfigureAwait(false);
                if (redirect is null && fields.ContainsKey("__RequestVerificationToken")
                    && await Forms.PostAsync(_phone, $"/qr/{chosen.Id}/confirm", fields).ConfigureAwait(false) is null)
                {
                    Interlocked.Increment(ref _confirmed);
                }
            }
            catch (HttpRequestException)
            {
                // the next one
            }
        }
    }

    private sealed record Desktop(string Id, string Status, string Complete, Dictionary<string, string> Fields);
}
