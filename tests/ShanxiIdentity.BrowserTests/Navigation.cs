using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Waits for the next page without Playwright's WaitForURLAsync. Its .NET client (1.64) checks the frame's URL
/// and then its load states before subscribing to the matching events, outside the lock that guards them: three
/// times in CI the DOMContentLoaded event fell in that gap and the wait ran out on a loaded page (its log shows
/// "Load" and "NetworkIdle" fired, never DOMContentLoaded). Polling the URL and then the document's
/// readyState has no such gap. It waits twice Playwright's default: on a machine whose two cores are shared, a
/// page has taken over 30 s.
/// </summary>
internal static class Navigation
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Until the page's address matches <paramref name="url"/> (a Playwright glob or an exact address) and its document is parsed.</summary>
    public static Task ArriveAsync(IPage page, string url) => ArriveAsync(page, url, Glob(url));

    public static Task ArriveAsync(IPage page, Regex url) => ArriveAsync(page, url.ToString(), url);

    /// <summary>
    /// Follows a link and waits for the next page. On a timeout it says where the page is and which requests
    /// never finished, so the next one tells a stalled server from a stalled resource or a press that went nowhere.
    /// </summary>
    public static async Task FollowAsync(IPage page, Func<Task> act, string url)
    {
        var pending = new ConcurrentDictionary<IRequest, DateTime>();
        void Started(object? sender, IRequest request) => pending[request] = DateTime.UtcNow;
        void Ended(object? sender, IRequest request) => pending.TryRemove(request, out _);
        page.Request += Started;
        page.RequestFinished += Ended;
        page.RequestFailed += Ended;
        try
        {
            await act();
            await ArriveAsync(page, url);
        }
        catch (TimeoutException e)
        {
            var unfinished = string.Join("; ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} since {p.Value:HH:mm:ss.fff}"));
            throw new TimeoutException(
                $"{e.Message}{Environment.NewLine}focus on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 120) ?? ''")}; unfinished: [{unfinished}]", e);
        }
        finally
        {
            page.Request -= Started;
            page.RequestFinished -= Ended;
            page.RequestFailed -= Ended;
        }
    }

    private static async Task ArriveAsync(IPage page, string wanted, Regex url)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (!url.IsMatch(page.Url))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not at {wanted} after {Patience.TotalSeconds:0} s: now at {page.Url}");
            }

            await Task.Delay(20);
        }

        // The document, not every image: what follows reads the page and scans it with axe. The address is the
        // new document's, so this runs in it (Playwright re-runs the function if a context is replaced).
        try
        {
            await page.WaitForFunctionAsync(
                "() => document.readyState !== 'loading'", null, new() { Timeout = (float)Patience.TotalMilliseconds });
        }
        catch (TimeoutException e)
        {
            // Playwright's message does not say where: the address tells a page that never finished from one replaced.
            throw new TimeoutException($"At {wanted} but its document still loading after {Patience.TotalSeconds:0} s: now at {page.Url}", e);
        }
    }

    /// <summary>Playwright's URL globs as the tests write them: ** across slashes, * within a segment; otherwise exact.</summary>
    private static Regex Glob(string url) =>
        new("^" + Regex.Escape(url).Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*") + "$");
}
