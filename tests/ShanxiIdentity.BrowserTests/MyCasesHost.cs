using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services.SingleSignOn;
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

    /// <summary>
    /// Registers the sample as a client system of the portal (name shown on the consent page), starts
    /// it on a real port and moves its registered addresses there; returns the host and its address.
    /// </summary>
    public static async Task<(MyCasesHost Host, Uri Address)> StartAsync(BrowserPortalFactory portal, Uri portalAddress, string clientId, string name)
    {
        var secret = await RegisterAsync(portal, clientId, name, new Uri("http://127.0.0.1/"));
        var host = new MyCasesHost(portalAddress, clientId, secret);
        host.UseKestrel(0);
        host.StartServer();
        var address = host.CreateClient().BaseAddress!;
        await RegisterAsync(portal, clientId, name, address);
        return (host, address);
    }

    private static async Task<string> RegisterAsync(BrowserPortalFactory portal, string clientId, string name, Uri address)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var settings = new ClientSettings(
            name,
            [new Uri(address, "signin-oidc").ToString()],
            [new Uri(address, "signout-callback-oidc").ToString()],
            ["openid", "profile", "phone", SsoScopes.IdNumber, SsoScopes.OrganizationAgent],
            FullPhone: false,
            BackChannelLogoutUri: new Uri(address, "backchannel-logout").ToString());
        if (await registry.FindAsync(clientId, CancellationToken.None) is null)
        {
            return (await registry.RegisterAsync(clientId, confidential: true, settings, actor: null, CancellationToken.None))!.Secret!;
        }

        await registry.UpdateAsync(clientId, settings, actor: null, CancellationToken.None);
        return string.Empty;
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
