using System.Net;
using System.Net.Sockets;

namespace ShanxiIdentity.Web.Services.BackChannel;

/// <summary>
/// The back-channel logout POST goes from the portal's own server to an address an administrator
/// typed: without this, it could be aimed at the portal's host (loopback), the cloud metadata service
/// (169.254.169.254) or anything on the internal network (server-side request forgery). The check is
/// made on the addresses the name resolves to at connect time, and the connection goes to the address
/// checked, so a name that later resolves elsewhere (DNS rebinding) gains nothing.
/// </summary>
public static class BackChannelAddressGuard
{
    /// <summary>The primary handler of the back-channel HTTP client: no redirects, and only permitted addresses.</summary>
    public static SocketsHttpHandler CreateHandler(BackChannelLogoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, options, cancellationToken),
        };
    }

    /// <summary>True when the portal may open a connection to <paramref name="address"/>.</summary>
    public static bool IsPermitted(IPAddress address, BackChannelLogoutOptions options)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(options);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address))
        {
            return options.AllowLoopback;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => PermittedV4(address.GetAddressBytes(), options),
            AddressFamily.InterNetworkV6 => PermittedV6(address, options),
            _ => false,
        };
    }

    private static bool PermittedV4(byte[] b, BackChannelLogoutOptions options)
    {
        // This network, link-local (cloud metadata), multicast, reserved and broadcast: never.
        if (b[0] == 0 || (b[0] == 169 && b[1] == 254) || b[0] >= 224)
        {
            return false;
        }

        var isPrivate = b[0] == 10 || (b[0] == 172 && (b[1] & 0xF0) == 16) || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && (b[1] & 0xC0) == 64);
        return !isPrivate || options.AllowPrivateNetworks;
    }

    private static bool PermittedV6(IPAddress address, BackChannelLogoutOptions options)
    {
        if (address.Equals(IPAddress.IPv6None) || address.IsIPv6LinkLocal || address.IsIPv6Multicast || address.IsIPv6SiteLocal)
        {
            return false;
        }

        var isUniqueLocal = (address.GetAddressBytes()[0] & 0xFE) == 0xFC;
        return !isUniqueLocal || options.AllowPrivateNetworks;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, BackChannelLogoutOptions options, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var permitted = addresses.Where(a => IsPermitted(a, options)).ToArray();
        if (permitted.Length == 0)
        {
            throw new HttpRequestException($"The back-channel logout address {endpoint.Host} resolves only to addresses the portal does not call (loopback, link-local or private; see {BackChannelLogoutOptions.Section}).");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(permitted, endpoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
