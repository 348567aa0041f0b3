namespace ShanxiIdentity.Web.Services.QrLogin;

/// <summary>One row of the operator's table (<c>QrSignIn:Places</c>): an address range in CIDR notation and its place name.</summary>
public sealed class QrPlaceRange
{
    /// <summary>e.g. <c>223.104.3.0/24</c> or <c>2409:8a00::/24</c>.</summary>
    public string Network { get; set; } = string.Empty;

    /// <summary>e.g. 山西省太原市.</summary>
    public string Place { get; set; } = string.Empty;
}
