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
}
