using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ShanxiIdentity.Web.Services.BackChannel;

namespace ShanxiIdentity.Web.Tests.SingleSignOn;

/// <summary>
/// The back-channel logout POST is made by the portal's own server to an address an administrator
/// typed: it must not reach the portal's host (loopback), the cloud metadata service (link-local) or,
/// unless the operator says the client systems live there, a private network. The HTTP client is the
/// one the portal registers (the test factory replaces it with a fake, so it is built here as in production).
/// </summary>
public sealed class BackChannelAddressGuardTests
{
    private static HttpClient ProductionClient(Dictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection().AddLogging();
        services.AddBackChannelLogout(configuration);
        return services.BuildServiceProvider().GetRequiredService<IHttpClientFactory>().CreateClient(BackChannelDelivery.HttpClientName);
    }

    [Fact]
    public async Task A_logout_address_on_the_portals_own_host_is_never_connected_to()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = ProductionClient();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("logout_token", "x")]);

        await Assert.ThrowsAnyAsync<Exception>(() => client.PostAsync(new Uri($"http://127.0.0.1:{port}/admin"), content, timeout.Token));

        Assert.False(listener.Pending(), "the portal opened a connection to its own loopback address");
    }
}
