using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace ShanxiIdentity.Domain.Sessions;

/// <summary>
/// A client address as 登录记录 keeps it: an IPv4 address without its last part (223.104.3.*), an
/// IPv6 address to its first 48 bits (the site's prefix). Only this form is stored: it tells a
/// person roughly where a sign-in came from without the portal keeping whom it can identify.
/// </summary>
public static class MaskedAddress
{
    public const int MaxLength = 32;

    public static string? Of(IPAddress? address)
    {
        if (address is null)
        {
            return null;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes[0]}.{bytes[1]}.{bytes[2]}.*")
            : string.Create(CultureInfo.InvariantCulture, $"{Group(bytes, 0)}:{Group(bytes, 2)}:{Group(bytes, 4)}:*");
    }

    private static string Group(byte[] bytes, int at) => ((bytes[at] << 8) | bytes[at + 1]).ToString("x", CultureInfo.InvariantCulture);
}
