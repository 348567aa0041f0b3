using ShanxiIdentity.Domain.Accounts;

namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>
/// A short Chinese description of a User-Agent for the phone's confirmation page, e.g.
/// “Windows 电脑上的 Chrome 浏览器”. Approximate by nature: the header is the browser's own claim.
/// </summary>
public static class BrowserDescription
{
    // Order matters: Edge and most Chinese browsers also say Chrome and Safari.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger", "微信"), ("QQBrowser", "QQ浏览器"), ("360SE", "360浏览器"), ("360EE", "360浏览器"), ("SE 2.X MetaSr", "搜狗浏览器"),
        ("UCBrowser", "UC浏览器"), ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"), ("Chromium/", "Chromium"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Android", "安卓手机"), ("iPhone", "苹果手机"), ("iPad", "iPad"), ("Windows", "Windows 电脑"), ("Macintosh", "Mac 电脑"),
        ("CrOS", "Chromebook"), ("Linux", "Linux 电脑"),
    ];

    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return QrSignInMessages.UnknownBrowser;
        }

        var browser = Browsers.FirstOrDefault(b => userAgent.Contains(b.Token, StringComparison.Ordinal)).Name;
        var system = Systems.FirstOrDefault(s => userAgent.Contains(s.Token, StringComparison.Ordinal)).Name;
        return (system, browser) switch
        {
            (null, null) => QrSignInMessages.UnknownBrowser,
            (null, _) => browser.EndsWith("浏览器", StringComparison.Ordinal) || browser == "微信" ? browser : browser + " 浏览器",
            (_, null) => system + "上的浏览器",
            _ => system + "上的 " + (browser.EndsWith("浏览器", StringComparison.Ordinal) || browser == "微信" ? browser : browser + " 浏览器"),
        };
    }
}
