using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace ShanxiIdentity.Web.Tests.Infrastructure;

/// <summary>
/// One browser-like visitor: keeps cookies, reads forms from the pages and submits them with their
/// hidden fields (antiforgery token, captcha id, tickets), so every post goes through the real
/// form and the real antiforgery check.
/// </summary>
public sealed class PortalSession(HttpClient client)
{
    /// <summary>The answer every captcha accepts in the test host (Captcha:FixedAnswer).</summary>
    public const string CaptchaAnswer = "PASS";

    public HttpClient Client => client;

    public async Task<IDocument> GetPageAsync(string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} answered {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    /// <summary>Fills the form of <paramref name="page"/> that posts to <paramref name="action"/> and submits it.</summary>
    public async Task<Submitted> SubmitAsync(IDocument page, string action, IReadOnlyDictionary<string, string?> values, string? postTo = null)
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posts to {action} on the page \"{page.Title}\".");
        var fields = new Dictionary<string, string?>();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            fields[hidden.Name!] = hidden.Value;
        }

        if (form.QuerySelector("input[name=Captcha]") is not null)
        {
            fields["Captcha"] = CaptchaAnswer;
        }

        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        return await PostAsync(postTo ?? action, fields);
    }

    public async Task<Submitted> PostAsync(string url, IReadOnlyDictionary<string, string?> fields, bool asScript = false)
    {
        using var content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Key, f.Value!)));
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, UriKind.Relative)) { Content = content };
        if (asScript)
        {
            request.Headers.Add("X-Requested-With", "fetch");
        }

        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Submitted(response.StatusCode, response.Headers.Location?.ToString(), body);
    }

    /// <summary>Uploads a file through the form of <paramref name="page"/> that posts to <paramref name="action"/> (with its antiforgery token).</summary>
    public async Task<Submitted> UploadAsync(IDocument page, string action, string fileName, byte[] content, string contentType = "application/octet-stream")
    {
        ArgumentNullException.ThrowIfNull(page);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").FirstOrDefault(f => f.GetAttribute("action") == action)
            ?? throw new InvalidOperationException($"No form posts to {action} on the page \"{page.Title}\".");
        using var body = new MultipartFormDataContent();
        foreach (var hidden in form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]"))
        {
            body.Add(new StringContent(hidden.Value), hidden.Name!);
        }

        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        body.Add(file, form.QuerySelector<IHtmlInputElement>("input[type=file]")!.Name!, fileName);
        using var response = await client.PostAsync(new Uri(action, UriKind.Relative), body);
        return new Submitted(response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Presses 获取短信验证码 the way the page's script does (with the captcha answered, where the form
    /// has one), and returns the JSON answer. Like the script, it puts the fresh captcha the answer
    /// carries into the page, so the form can still be submitted afterwards.
    /// </summary>
    public async Task<(bool Sent, string Message)> SendSmsAsync(IDocument page, string formAction, string sendUrl, IReadOnlyDictionary<string, string?> values)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(values);
        var form = page.QuerySelectorAll<IHtmlFormElement>("form").First(f => f.GetAttribute("action") == formAction);
        var fields = form.QuerySelectorAll<IHtmlInputElement>("input[type=hidden]").ToDictionary(i => i.Name!, i => (string?)i.Value);
        if (form.QuerySelector("input[name=Captcha]") is not null)
        {
            fields["Captcha"] = CaptchaAnswer;
        }

        foreach (var (key, value) in values)
        {
            fields[key] = value;
        }

        var answer = await PostAsync(sendUrl, fields, asScript: true);
        Assert.Equal(HttpStatusCode.OK, answer.Status);
        using var json = JsonDocument.Parse(answer.Body);
        if (json.RootElement.TryGetProperty("captcha", out var fresh) && form.QuerySelector<IHtmlInputElement>("input[name=CaptchaId]") is { } captchaId)
        {
            captchaId.Value = fresh.GetString()!;
        }

        return (json.RootElement.GetProperty("sent").GetBoolean(), json.RootElement.GetProperty("message").GetString()!);
    }

    public sealed record Submitted(HttpStatusCode Status, string? Location, string Body)
    {
        public IDocument Page => new AngleSharp.Html.Parser.HtmlParser().ParseDocument(Body);

        /// <summary>The error messages shown next to the fields and in the summary.</summary>
        public IReadOnlyList<string> Errors => Page.QuerySelectorAll(".invalid-feedback, [data-error-summary] li")
            .Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).ToList();

        public string? FieldError(string fieldId) => Page.QuerySelector($"#{fieldId}-error")?.TextContent.Trim() is { Length: > 0 } text ? text : null;
    }
}
