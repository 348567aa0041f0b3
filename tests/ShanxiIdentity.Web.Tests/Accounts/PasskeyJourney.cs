using System.Net;
using System.Text.Json;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>通行密钥 as passkeys.js does it: form posts with the antiforgery token, answered in JSON.</summary>
public static class PasskeyJourney
{
    public const string PageUrl = "/my/passkeys";
    public const string AddOptionsUrl = PageUrl + "/options";
    public const string LoginOptionsUrl = "/account/login/passkey/options";
    public const string LoginUrl = "/account/login/passkey";

    public sealed record Answer(HttpStatusCode Status, JsonElement Json)
    {
        public bool Ok => Json.ValueKind == JsonValueKind.Object && Json.TryGetProperty("ok", out var ok) && ok.GetBoolean();

        public string? Message => Json.TryGetProperty("message", out var m) ? m.GetString() : null;

        public string? Field => Json.TryGetProperty("field", out var f) ? f.GetString() : null;

        public string Options => Json.GetProperty("options").GetRawText();

        public string? Redirect => Json.TryGetProperty("redirect", out var r) ? r.GetString() : null;
    }

    public static async Task<Answer> PostAsync(PortalSession session, string url, string tokenPage, Dictionary<string, string?> fields)
    {
        ArgumentNullException.ThrowIfNull(session);
        var page = await session.GetPageAsync(tokenPage);
        fields["__RequestVerificationToken"] = Counter.CounterDeskSteps.Token(page);
        var posted = await session.PostAsync(url, fields, asScript: true);
        return new Answer(posted.Status, posted.Body.StartsWith('{') ? JsonDocument.Parse(posted.Body).RootElement.Clone() : default);
    }

    /// <summary>Step 1 of 添加通行密钥: the name and the current password.</summary>
    public static Task<Answer> BeginAddAsync(PortalSession session, string password, string name = "我的手机") =>
        PostAsync(session, AddOptionsUrl, PageUrl, new() { ["Form.Name"] = name, ["Form.CurrentPassword"] = password });

    /// <summary>Step 2: the authenticator's new credential.</summary>
    public static Task<Answer> FinishAddAsync(PortalSession session, string credentialJson, string name = "我的手机") =>
        PostAsync(session, PageUrl, PageUrl, new() { ["Form.Name"] = name, ["Form.Credential"] = credentialJson });

    public static async Task<Answer> AddAsync(PortalSession session, SoftwareAuthenticator authenticator, string password, string name = "我的手机")
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var options = await BeginAddAsync(session, password, name);
        Assert.True(options.Ok, options.Message);
        return await FinishAddAsync(session, authenticator.Create(options.Options), name);
    }

    /// <summary>使用通行密钥登录: the request options, then the authenticator's assertion.</summary>
    public static async Task<Answer> SignInAsync(PortalSession session, SoftwareAuthenticator authenticator, string? returnUrl = null)
    {
        ArgumentNullException.ThrowIfNull(authenticator);
        var options = await PostAsync(session, LoginOptionsUrl, CitizenJourney.LoginUrl, []);
        Assert.True(options.Ok, options.Message);
        return await PostAsync(session, LoginUrl, CitizenJourney.LoginUrl, new() { ["Credential"] = authenticator.Get(options.Options), ["ReturnUrl"] = returnUrl });
    }
}
