using System.Text.RegularExpressions;

namespace ShanxiIdentity.Domain.SingleSignOn;

/// <summary>What a client system's registration must satisfy before the provider trusts it.</summary>
public static partial class ClientRules
{
    public const int MaxNameLength = 50;

    /// <summary>
    /// A system's tokens carry its client id as subject; a person's carry the account id (a GUID).
    /// A GUID-shaped client id (some are all letters a–f and digits) could pass for an account.
    /// </summary>
    public static bool IsValidClientId(string? clientId) =>
        clientId is not null && ClientIdPattern().IsMatch(clientId) && !Guid.TryParse(clientId, out _);

    /// <summary>
    /// Absolute, no fragment and no user information; HTTPS, except loopback addresses (a system
    /// under test on the developer's machine). One address per line in the staff area's form.
    /// </summary>
    public static bool IsValidRedirectUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && string.IsNullOrEmpty(uri.Fragment)
        && string.IsNullOrEmpty(uri.UserInfo)
        && (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback));

    /// <summary>A sector (标识共享组) of clients that see one pairwise <c>sub</c> for a person: the client id's alphabet.</summary>
    public static bool IsValidSector(string? sector) => sector is not null && ClientIdPattern().IsMatch(sector);

    /// <summary>The lines of a textarea, trimmed, without blanks or repeats.</summary>
    public static IReadOnlyList<string> Lines(string? text) =>
        (text ?? string.Empty).Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();

    [GeneratedRegex("^[a-z][a-z0-9-]{2,49}$", RegexOptions.CultureInvariant)]
    private static partial Regex ClientIdPattern();
}
