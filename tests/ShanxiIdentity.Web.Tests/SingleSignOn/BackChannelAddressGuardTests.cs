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

    [Fact]
    public async Task With_loopback_allowed_for_development_the_same_address_is_called()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var client = ProductionClient(new() { [$"{BackChannelLogoutOptions.Section}:AllowLoopback"] = "true" });
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        using var content = new FormUrlEncodedContent([KeyValuePair.Create("logout_token", "x")]);

        await Assert.ThrowsAnyAsync<Exception>(() => client.PostAsync(new Uri($"http://127.0.0.1:{port}/backchannel-logout"), content, timeout.Token));

        Assert.True(listener.Pending());
    }

    [Theory]
    [InlineData("169.254.169.254", false, false)]
    [InlineData("127.0.0.1", false, false)]
    [InlineData("::1", false, false)]
    [InlineData("::ffff:127.0.0.1", false, false)]
    [InlineData("::ffff:169.254.169.254", false, true)]
    [InlineData("0.0.0.0", false, false)]
    [InlineData("fe80::1", false, true)]
    [InlineData("224.0.0.1", false, true)]
    [InlineData("10.1.2.3", false, false)]
    [InlineData("10.1.2.3", true, true)]
    [InlineData("172.20.0.5", false, false)]
    [InlineData("192.168.1.1", false, false)]
    [InlineData("100.64.0.1", false, false)]
    [InlineData("fd00::5", false, false)]
    [InlineData("fd00::5", true, true)]
    [InlineData("59.49.1.10", true, false)]
    [InlineData("2400:da00::6666", true, false)]
    public void Which_addresses_the_portal_may_call(string address, bool expected, bool privateAllowed)
    {
        // The third argument: AllowPrivateNetworks; link-local and the rest stay refused with it.
        var options = new BackChannelLogoutOptions { AllowPrivateNetworks = privateAllowed };
        var publicAddress = address is "59.49.1.10" or "2400:da00::6666";
        Assert.Equal(expected || publicAddress, BackChannelAddressGuard.IsPermitted(IPAddress.Parse(address), options));
    }
}
