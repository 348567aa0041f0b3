using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Complete 个人注册 under load: the form, 获取短信验证码, the code as the SMS gateway received it,
/// and the post; only a redirect to 我的账号 counts. The benchmark is the portal's SMS gateway
/// (<c>Sms:Gateway:Endpoint</c>) and fills the local resident registry the real-name check reads.
/// </summary>
internal sealed partial class Registrations : IDisposable
{
    /// <summary>ID numbers from here on are for registration; the seeded accounts use the ones below.</summary>
    private const int FirstIndex = 5_000_000;
    private const int Capacity = 50_000;
    private const string Name = "注册测试";

    private readonly HttpListener _gateway = new();
    private readonly ConcurrentDictionary<string, string> _codes = new(StringComparer.Ordinal);
    private int _next = FirstIndex;

    private Registrations(int port)
    {
        Endpoint = new Uri($"http://127.0.0.1:{port}/sms/");
        _gateway.Prefixes.Add(Endpoint.ToString());
        _gateway.Start();
        _ = Task.Run(ReceiveAsync);
    }

    /// <summary>Where the portal should deliver its text messages.</summary>
    public Uri Endpoint { get; }

    public static Registrations StartGateway() => new(ServerProcess.FreePort());

    /// <summary>Residents the real-name check will find, one for every registration the run can make.</summary>
    public static async Task SeedResidentsAsync(DatabaseProvider provider, string connectionString)
    {
        const int batch = 5_000;
        for (var start = 0; start < Capacity; start += batch)
        {
            await using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = start; i < start + batch; i++)
            {
                db.Residents.Add(new ResidentRecord { ResidentIdNumber = AccountSeeder.IdNumber(FirstIndex + i), Name = Name, ImportedAt = DateTime.UtcNow });
            }

            await db.SaveChangesAsync().ConfigureAwait(false);
        }
    }

    public async Task<bool> RegisterAsync(HttpClient client)
    {
        var index = Interlocked.Increment(ref _next);
        if (index >= FirstIndex + Capacity)
        {
            return false;
        }

        LoadClient.ForgetCookies(client); // a new visitor: the previous registration signed this browser in
        var phone = "137" + (index % 100_000_000).ToString("00000000", CultureInfo.InvariantCulture);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/register").ConfigureAwait(false);
        fields["Phone"] = phone;
        fields["Captcha"] = "PASS"; // every send answers (and spends) a captcha
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/register/sms", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) })
        {
            request.Headers.Add("X-Requested-With", "fetch");
            using var sent = await client.SendAsync(request).ConfigureAwait(false);
            using var answer = await JsonDocument.ParseAsync(await sent.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);

            // The send spent the page's captcha; the answer carries the next one, as the page's script uses it.
            if (answer.RootElement.TryGetProperty("captcha", out var fresh))
            {
                fields["CaptchaId"] = fresh.GetString()!;
            }
        }

        var code = await ReceivedCodeAsync(phone).ConfigureAwait(false);
        if (code is null)
        {
            return false;
        }

        fields["Name"] = Name;
        fields["IdNumber"] = AccountSeeder.IdNumber(index);
        fields["SmsCode"] = code;
        fields["Password"] = fields["ConfirmPassword"] = AccountSeeder.Password;
        fields["AcceptAgreement"] = "true";
        fields["Captcha"] = "PASS";
        return await Forms.PostAsync(client, "/account/register", fields).ConfigureAwait(false) == "/my";
    }

    /// <summary>
    /// The code the gateway received for the phone, taken once. The portal's outbox worker hands the
    /// message to the gateway as the send is saved: this waits up to 5 s for it (null: it never came).
    /// </summary>
    public async Task<string?> ReceivedCodeAsync(string phone)
    {
        string? code = null;
        for (var wait = 0; wait < 100 && !_codes.TryRemove(phone, out code); wait++)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }

        return code;
    }

    private async Task ReceiveAsync()
    {
        while (_gateway.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _gateway.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using (var message = await JsonDocument.ParseAsync(context.Request.InputStream).ConfigureAwait(false))
            {
                var text = message.RootElement.GetProperty("text").GetString() ?? string.Empty;
                if (Code().Match(text) is { Success: true } code)
                {
                    _codes[message.RootElement.GetProperty("phone").GetString()!] = code.Groups[1].Value;
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public void Dispose() => _gateway.Close();

    [GeneratedRegex("验证码为(\\d+)")]
    private static partial Regex Code();
}
