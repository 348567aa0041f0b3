using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.Web.Tests.Accounts;

/// <summary>扫码登录's steps as the login page's script and the phone's page take them.</summary>
public static class QrSignInJourney
{
    public const string ChromeOnWindows = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36";

    /// <summary>A code as the script gets it: the page's antiforgery token (the QR block, cached for everyone, holds none), then POST /qr/new.</summary>
    public sealed record Code(string Id, string Link, string Status, string Complete, string Token, string? ReturnUrl);

    public static async Task<Code> NewCodeAsync(PortalSession desktop, string loginUrl = "/account/login")
    {
        ArgumentNullException.ThrowIfNull(desktop);
        var page = await desktop.GetPageAsync(loginUrl);
        var form = page.QuerySelector("form[data-qr-complete]") ?? throw new InvalidOperationException("The login page has no 扫码登录 block.");
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var created = await desktop.PostAsync("/qr/new", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token }, asScript: true);
        Assert.Equal(HttpStatusCode.OK, created.Status);
        using var json = JsonDocument.Parse(created.Body);
        var root = json.RootElement;
        Assert.StartsWith("data:image/svg+xml;base64,", root.GetProperty("image").GetString(), StringComparison.Ordinal);
        return new Code(
            root.GetProperty("id").GetString()!,
            root.GetProperty("link").GetString()!,
            root.GetProperty("status").GetString()!,
            root.GetProperty("complete").GetString()!,
            token,
            form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
    }

    /// <summary>The poll's state (waiting, scanned, confirmed, cancelled, expired).</summary>
    public static async Task<string> PollAsync(PortalSession session, string id)
    {
        ArgumentNullException.ThrowIfNull(session);
        using var response = await session.Client.GetAsync(new Uri($"/qr/{id}/status", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("state").GetString()!;
    }

    /// <summary>The phone's page for the code.</summary>
    public static Task<IDocument> OpenAsync(PortalSession phone, string id) => phone.GetPageAsync($"/qr/{id}");

    /// <summary>确认登录 (or 取消) through the phone's page; the answer page's message.</summary>
    public static async Task<string> AnswerAsync(PortalSession phone, string id, string button = "confirm")
    {
        ArgumentNullException.ThrowIfNull(phone);
        var page = await OpenAsync(phone, id);
        // A code that can no longer be confirmed has no form: the token of 我的账号 then (the post is refused by the code, not the token).
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? Counter.CounterDeskSteps.Token(await phone.GetPageAsync("/my"));
        var answer = await phone.PostAsync($"/qr/{id}/{button}", new Dictionary<string, string?> { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        return answer.Page.QuerySelector("[data-qr-answer]")!.TextContent.Trim();
    }

    /// <summary>The desktop's completion, as the script posts the block's form.</summary>
    public static Task<PortalSession.Submitted> CompleteAsync(PortalSession desktop, Code code)
    {
        ArgumentNullException.ThrowIfNull(desktop);
        ArgumentNullException.ThrowIfNull(code);
        return desktop.PostAsync(code.Complete, new Dictionary<string, string?> { ["__RequestVerificationToken"] = code.Token, ["returnUrl"] = code.ReturnUrl });
    }

    public static string? Refusal(PortalSession.Submitted answer) =>
        answer?.Page.QuerySelector("[data-qr-answer]")?.TextContent.Trim();
}
