using System.Net;
using Microsoft.Extensions.Options;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>
/// An approximate place for an address, from the operator's table of ranges (the narrowest range
/// that holds it wins), and the address masked for display (the last part hidden).
/// </summary>
public sealed class PlaceLookup
{
    private readonly List<(IPNetwork Network, string Place)> _ranges;

    public PlaceLookup(IOptions<QrSignInSettings> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ranges = settings.Value.Places
            .Select(r => IPNetwork.TryParse(r.Network?.Trim() ?? string.Empty, out var network) && !string.IsNullOrWhiteSpace(r.Place)
                ? (network, r.Place.Trim())
                : throw new PortalConfigurationException(QrSignInSettings.Section + ":Places", ConfigurationMessages.QrPlaceInvalid(r.Network)))
            .OrderByDescending(r => r.Item1.PrefixLength)
            .ToList();
    }

    public string PlaceOf(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return QrSignInMessages.UnknownPlace;
        }

        ip = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        foreach (var (network, place) in _ranges)
        {
            if (network.BaseAddress.AddressFamily == ip.AddressFamily && network.Contains(ip))
            {
                return place;
            }
        }

        return QrSignInMessages.UnknownPlace;
    }

    /// <summary>223.104.3.18 → 223.104.3.*; an IPv6 address keeps its first three groups.</summary>
    public static string Mask(string? address)
    {
        if (!IPAddress.TryParse(address, out var ip))
        {
            return "未知";
        }

        ip = ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
        if (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var bytes = ip.GetAddressBytes();
            return $"{bytes[0]}.{bytes[1]}.{bytes[2]}.*";
        }

        var groups = ip.GetAddressBytes().Chunk(2).Take(3).Select(g => ((g[0] << 8) | g[1]).ToString("x", System.Globalization.CultureInfo.InvariantCulture));
        return string.Join(':', groups) + ":*";
    }
}
