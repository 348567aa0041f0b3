using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// Follows a link and waits for the next page to load. Twice in ~40 full runs such a wait ran out on a loaded
/// machine and could not be reproduced; on a timeout this says where the page is and which requests never
/// finished, so the next one tells a stalled server from a stalled resource or a press that went nowhere.
/// It waits twice Playwright's default: on a machine whose two cores are shared, a page has taken over 30 s.
/// </summary>
internal static class Navigation
{
    /// <summary>
    /// A wait for the next page that ends with its document, not its last image: twice in CI the URL had
    /// changed (network idle, even) and Chromium's load event never came within 30 s. What the tests do next
    /// reads the DOM.
    /// </summary>
    public static PageWaitForURLOptions Arrived => new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 60_000 };

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

            // The document, not every image: what follows reads the page and scans it with axe.
            await page.WaitForURLAsync(url, Arrived);
        }
        catch (TimeoutException e)
        {
            var unfinished = string.Join("; ", pending.Select(p => $"{p.Key.Method} {p.Key.Url} since {p.Value:HH:mm:ss.fff}"));
            throw new TimeoutException(
                $"{e.Message}{Environment.NewLine}now at {page.Url}, focus on {await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 120) ?? ''")}; unfinished: [{unfinished}]", e);
        }
        finally
        {
            page.Request -= Started;
            page.RequestFinished -= Ended;
            page.RequestFailed -= Ended;
        }
    }
}
