namespace ShanxiIdentity.Domain.Sessions;

/// <summary>
/// A short name of a browser from its User-Agent, for 登录记录, the new-browser SMS and 扫码登录's
/// confirmation page: only the main
/// families are named, so the text shown or sent is always one of the portal's own, never the
/// header's (which anyone can set to anything).
/// </summary>
public static class BrowserDescription
{
    public const string Unknown = "未知浏览器";

    /// <summary>The column's size: the longest description is well within it.</summary>
    public const int MaxLength = 64;

    // Order matters: in-app and Chinese browsers, then Edge, carry "Chrome" and "Safari" too.
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("MicroMessenger/", "微信"),
        ("MQQBrowser/", "QQ浏览器"),
        ("QQBrowser/", "QQ浏览器"),
        (" QQ/", "QQ"),
        ("UCBrowser/", "UC浏览器"),
        ("UCWEB", "UC浏览器"),
        ("HuaweiBrowser/", "华为浏览器"),
        ("360SE", "360浏览器"),
        ("360EE", "360浏览器"),
        ("SE 2.X MetaSr", "搜狗浏览器"),
        ("OPR/", "Opera"),
        ("Edg/", "Edge"),
        ("EdgA/", "Edge"),
        ("EdgiOS/", "Edge"),
        ("Firefox/", "Firefox"),
        ("FxiOS/", "Firefox"),
        ("CriOS/", "Chrome"),
        ("Chrome/", "Chrome"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("HarmonyOS", "HarmonyOS"),
        ("OpenHarmony", "HarmonyOS"),
        ("Windows", "Windows"),
        ("iPhone", "iOS"),
        ("iPad", "iOS"),
        ("iPod", "iOS"),
        ("Android", "Android"),
        ("Macintosh", "macOS"),
        ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"),
        ("Linux", "Linux"),
    ];

    /// <summary>For example "Chrome（Windows）", "微信（Android）", or <see cref="Unknown"/>.</summary>
    public static string Describe(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return Unknown;
        }

        var browser = Find(Browsers, userAgent)
            ?? (userAgent.Contains("Safari/", StringComparison.Ordinal) && userAgent.Contains("Version/", StringComparison.Ordinal) ? "Safari" : null);
        if (browser is null)
        {
            return Unknown;
        }

        return Find(Systems, userAgent) is { } system ? $"{browser}（{system}）" : browser;
    }

    private static string? Find((string Token, string Name)[] names, string userAgent) =>
        Array.Find(names, n => userAgent.Contains(n.Token, StringComparison.Ordinal)).Name;
}
