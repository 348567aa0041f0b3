using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using ShanxiIdentity.MyCases;

namespace ShanxiIdentity.BrowserTests;

/// <summary>The 我的办件 sample on a real Kestrel port, signing people in through the portal under test.</summary>
public sealed class MyCasesHost(Uri portal, string clientId, string clientSecret) : WebApplicationFactory<PortalSettings>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("shanxi-mycases-").FullName;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Portal:Authority", portal.ToString());
        builder.UseSetting("Portal:ClientId", clientId);
        builder.UseSetting("Portal:ClientSecret", clientSecret);
        builder.UseSetting("Portal:RequireHttps", "false");
        builder.UseSetting("ConnectionStrings:Cases", $"Data Source={Path.Combine(_directory, "cases.db")};Pooling=False");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Cleaned by the OS with the rest of the temp folder.
        }
    }
}
