using System.Globalization;
using System.Text.Json;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Complete 短信验证码登录 under load: the page, 获取短信验证码 behind the captcha, the code as the
/// benchmark's SMS gateway received it, and the post; only a redirect to 我的账号 counts. A phone
/// gets one code a minute and ten a day, so the sign-ins go round a pool of accounts of their own,
/// each phone used at most once a minute.
/// </summary>
internal sealed class SmsCodeSignIns(Uri address, int workers, Registrations gateway, DatabaseProvider provider, string connectionString, string passwordHash)
{
    /// <summary>Account numbers from here on are these sign-ins' (the scale test's run up to 1,000,000, registrations' from 5,000,000).</summary>
    private const int FirstIndex = 2_000_000;

    /// <summary>Enough phones for a minute at 330 sign-ins/s before one comes round again.</summary>
    private const int Capacity = 20_000;

    private readonly Lazy<Task> _seeded = new(() => SeedAsync(provider, connectionString, passwordHash));
    private int _next = -1;

    /// <summary>One load window: the pool's accounts are seeded into the database the first time.</summary>
    public async Task<LoadResult> RunAsync(string name, TimeSpan duration)
    {
        await _seeded.Value.ConfigureAwait(false);
        return await LoadClient.RunAsync(name, address, duration, workers, SignInAsync).ConfigureAwait(false);
    }

    private async Task<bool> SignInAsync(HttpClient client)
    {
        LoadClient.ForgetCookies(client); // someone not signed in: the previous sign-in was this browser's
        var index = FirstIndex + ((Interlocked.Increment(ref _next) & int.MaxValue) % Capacity);
        var phone = Phone(index);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login/sms").ConfigureAwait(false);
        fields["Phone"] = phone;
        fields["Captcha"] = "PASS"; // the send answers (and spends) a captcha, the post another
        using (var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/account/login/sms/send", UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) })
        {
            request.Headers.Add("X-Requested-With", "fetch");
            using var sent = await client.SendAsync(request).ConfigureAwait(false);
            using var answer = await JsonDocument.ParseAsync(await sent.Content.ReadAsStreamAsync().ConfigureAwait(false)).ConfigureAwait(false);
            if (!answer.RootElement.TryGetProperty("sent", out var ok) || !ok.GetBoolean())
            {
                return false;
            }

            // The page's script puts the next captcha in place of the spent one.
            if (answer.RootElement.TryGetProperty("captcha", out var fresh))
            {
                fields["CaptchaId"] = fresh.GetString()!;
            }
        }

        if (await gateway.ReceivedCodeAsync(phone).ConfigureAwait(false) is not { } code)
        {
            return false;
        }

        fields["SmsCode"] = code;
        fields["Captcha"] = "PASS";
        return await Forms.PostAsync(client, "/account/login/sms", fields).ConfigureAwait(false) == "/my";
    }

    private static async Task SeedAsync(DatabaseProvider provider, string connectionString, string passwordHash)
    {
        await AccountSeeder.SeedAsync(provider, connectionString, passwordHash, FirstIndex, FirstIndex + Capacity).ConfigureAwait(false);
        await AccountSeeder.SettleAsync(provider, connectionString).ConfigureAwait(false);
    }

    /// <summary>The reserved phone <see cref="AccountSeeder"/> gives account number <paramref name="index"/>.</summary>
    private static string Phone(int index) => "139" + index.ToString("00000000", CultureInfo.InvariantCulture);
}
