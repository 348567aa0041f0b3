using Microsoft.AspNetCore.Hosting;
using Microsoft.Playwright;
using ShanxiIdentity.Web.Tests.Infrastructure;

namespace ShanxiIdentity.BrowserTests;

/// <summary>
/// The portal on a real Kestrel port (SQLite file of its own) and Debian's Chromium, headless,
/// driven by Playwright. Screenshots go to $SHANXI_ARTIFACTS/screenshots.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime, IDisposable
{
    private readonly BrowserPortalFactory _portal = new();
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The portal behind the browser, for seeding residents and reading the SMS outbox.</summary>
    public BrowserPortalFactory Portal => _portal;

    public Uri BaseAddress { get; private set; } = null!;

    public static string ScreenshotDirectory =>
        Path.Combine(Environment.GetEnvironmentVariable("SHANXI_ARTIFACTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "artifacts"), "screenshots");

    public async Task InitializeAsync()
    {
        await _portal.InitializeAsync();
        _portal.UseKestrel(_portal.Port);
        _portal.StartServer();
        BaseAddress = _portal.CreateClient().BaseAddress!;

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            ],
        });
        Directory.CreateDirectory(ScreenshotDirectory);
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)_portal).DisposeAsync();
    }

    public void Dispose() => _portal.Dispose();

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "zh-CN",
        });
        return await context.NewPageAsync();
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
}

/// <summary>The portal on plain HTTP (Kestrel on loopback), which its OpenID Connect provider allows outside Production only when told.</summary>
public sealed class BrowserPortalFactory(Action<IWebHostBuilder>? configure = null) : SqlitePortalFactory
{
    /// <summary>Chosen before start: the issuer (required outside Development) is the address the browser uses.</summary>
    public int Port { get; } = FreePort();

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("SingleSignOn:AllowHttp", "true");
        builder.UseSetting("SingleSignOn:Issuer", $"http://127.0.0.1:{Port}/");
        configure?.Invoke(builder);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
