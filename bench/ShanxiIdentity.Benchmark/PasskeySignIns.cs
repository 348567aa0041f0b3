using System.Text.Json;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// Complete 使用通行密钥登录 under load, by a visitor not signed in: the login page, the request
/// options, an assertion signed by a software ES256 authenticator here in the load client, and the
/// verification; only an answer that signed in and sends to 我的账号 counts. Before the first window
/// each worker's person (accounts of their own) adds a passkey through the real ceremony of
/// 我的账号 › 通行密钥, which asks for the current password.
/// </summary>
internal sealed class PasskeySignIns(Uri address, int workers, DatabaseProvider provider, string connectionString, string passwordHash) : IDisposable
{
    /// <summary>Account numbers from here on are these people's.</summary>
    private const int FirstIndex = 2_200_000;

    private readonly List<SoftwareAuthenticator> _authenticators = [];
    private int _nextSlot = -1;

    public async Task<LoadResult> RunAsync(string name, TimeSpan duration)
    {
        if (_authenticators.Count == 0)
        {
            await AccountSeeder.SeedAsync(provider, connectionString, passwordHash, FirstIndex, FirstIndex + workers).ConfigureAwait(false);
            for (var worker = 0; worker < workers; worker++)
            {
                _authenticators.Add(await RegisterAsync(FirstIndex + worker).ConfigureAwait(false));
            }
        }

        // Each worker holds one of the authenticators; the browser is a new visitor's every time.
        var held = new System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, SoftwareAuthenticator>();
        return await LoadClient.RunAsync(
            name, address, duration, workers,
            client => SignInAsync(client, held.TryGetValue(client, out var authenticator) ? authenticator : _authenticators[0]),
            prepare: client =>
            {
                held.Add(client, _authenticators[(Interlocked.Increment(ref _nextSlot) & int.MaxValue) % _authenticators.Count]);
                return Task.CompletedTask;
            }).ConfigureAwait(false);
    }

    public void Dispose()
    {
        foreach (var authenticator in _authenticators)
        {
            authenticator.Dispose();
        }
    }

    private static async Task<bool> SignInAsync(HttpClient client, SoftwareAuthenticator authenticator)
    {
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        var token = new Dictionary<string, string> { ["__RequestVerificationToken"] = fields["__RequestVerificationToken"] };
        if (await PostJsonAsync(client, "/account/login/passkey/options", token).ConfigureAwait(false) is not { } begun
            || !begun.GetProperty("ok").GetBoolean())
        {
            return false;
        }

        token["Credential"] = authenticator.Get(begun.GetProperty("options").GetRawText());
        token["ReturnUrl"] = fields.GetValueOrDefault("ReturnUrl", string.Empty);
        return await PostJsonAsync(client, "/account/login/passkey", token).ConfigureAwait(false) is { } answer
            && answer.GetProperty("ok").GetBoolean()
            && answer.GetProperty("redirect").GetString() == "/my";
    }

    /// <summary>A person logs in with the password and adds a passkey on 我的账号 › 通行密钥, as passkeys.js does.</summary>
    private async Task<SoftwareAuthenticator> RegisterAsync(int index)
    {
        using var client = LoadClient.NewBrowser(address);
        var login = await Forms.HiddenFieldsAsync(client, "/account/login").ConfigureAwait(false);
        login["Account"] = AccountSeeder.IdNumber(index);
        login["Password"] = AccountSeeder.Password;
        login["Captcha"] = "PASS";
        if (await Forms.PostAsync(client, "/account/login", login).ConfigureAwait(false) != "/my")
        {
            throw new InvalidOperationException("The passkey holder's login failed.");
        }

        var page = await Forms.HiddenFieldsAsync(client, "/my/passkeys").ConfigureAwait(false);
        var fields = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = page["__RequestVerificationToken"],
            ["Form.Name"] = "基准测试",
            ["Form.CurrentPassword"] = AccountSeeder.Password,
        };
        var options = await PostJsonAsync(client, "/my/passkeys/options", fields).ConfigureAwait(false);
        if (options is not { } begun || !begun.GetProperty("ok").GetBoolean())
        {
            throw new InvalidOperationException("No passkey creation options: " + options?.GetRawText());
        }

        var authenticator = new SoftwareAuthenticator(address.GetLeftPart(UriPartial.Authority));
        try
        {
            fields.Remove("Form.CurrentPassword");
            fields["Form.Credential"] = authenticator.Create(begun.GetProperty("options").GetRawText());
            var added = await PostJsonAsync(client, "/my/passkeys", fields).ConfigureAwait(false);
            return added is { } answer && answer.GetProperty("ok").GetBoolean()
                ? authenticator
                : throw new InvalidOperationException("The passkey was not added: " + added?.GetRawText());
        }
        catch
        {
            authenticator.Dispose();
            throw;
        }
    }

    /// <summary>A post of the page's script: the form's fields, answered with JSON (null when it was not JSON).</summary>
    private static async Task<JsonElement?> PostJsonAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("X-Requested-With", "fetch");
        using var response = await client.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        try
        {
            using var answer = JsonDocument.Parse(body);
            return answer.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
