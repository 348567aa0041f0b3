using System.Net;
using System.Text.RegularExpressions;

namespace ShanxiIdentity.Benchmark;

/// <summary>Reads hidden fields from a page and posts a form the way a browser does.</summary>
internal static partial class Forms
{
    public static async Task<Dictionary<string, string>> HiddenFieldsAsync(HttpClient client, string path) =>
        (await OpenAsync(client, path).ConfigureAwait(false)).HiddenFields;

    /// <summary>
    /// One GET: where it redirects to, or the page's hidden fields. A second GET to read the form
    /// could be redirected where the first was not (another worker consented in between).
    /// </summary>
    public static async Task<(string? Redirect, Dictionary<string, string> HiddenFields)> OpenAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative)).ConfigureAwait(false);
        var html = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var redirect = RedirectOf(response);
        var fields = new Dictionary<string, string>();
        foreach (Match input in HiddenInput().Matches(html))
        {
            var name = NameAttribute().Match(input.Value).Groups[1].Value;
            var value = ValueAttribute().Match(input.Value).Groups[1].Value;
            if (name.Length > 0)
            {
                fields[name] = WebUtility.HtmlDecode(value);
            }
        }

        return (redirect, fields);
    }

    /// <summary>Posts and returns where the answer redirects to (null when it did not redirect).</summary>
    public static async Task<string?> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), content).ConfigureAwait(false);
        await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        return RedirectOf(response);
    }

    private static string? RedirectOf(HttpResponseMessage response) =>
        response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found ? response.Headers.Location?.ToString() : null;

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex HiddenInput();

    [GeneratedRegex("name=\"([^\"]*)\"")]
    private static partial Regex NameAttribute();

    [GeneratedRegex("value=\"([^\"]*)\"")]
    private static partial Regex ValueAttribute();
}
