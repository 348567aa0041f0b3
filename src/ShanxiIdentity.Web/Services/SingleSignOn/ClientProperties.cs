using System.Collections.Immutable;
using System.Text.Json;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>The per-client settings OpenIddict keeps as application properties (JSON), written and read in one place.</summary>
public static class ClientProperties
{
    public static void Write(Dictionary<string, JsonElement> properties, ClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(properties);
        ArgumentNullException.ThrowIfNull(settings);
        properties[SsoClaims.FullPhoneProperty] = JsonSerializer.SerializeToElement(settings.FullPhone);
        Set(properties, SsoClaims.MinimumLevelProperty, settings.MinimumLevel is { } minimum ? JsonSerializer.SerializeToElement((int)minimum) : null);
        Set(properties, SsoClaims.SectorProperty, settings.Sector is { Length: > 0 } sector ? JsonSerializer.SerializeToElement(sector) : null);
        Set(properties, SsoClaims.PublicSubjectProperty, settings.PublicSubject ? JsonSerializer.SerializeToElement(true) : null);
        Set(properties, SsoClaims.BackChannelLogoutUriProperty, settings.BackChannelLogoutUri is { Length: > 0 } uri ? JsonSerializer.SerializeToElement(uri) : null);
    }

    public static bool FullPhone(ImmutableDictionary<string, JsonElement> properties) => True(properties, SsoClaims.FullPhoneProperty);

    /// <summary>Marked by an administrator as needing the account id as <c>sub</c> (as before pairwise subjects).</summary>
    public static bool PublicSubject(ImmutableDictionary<string, JsonElement> properties) => True(properties, SsoClaims.PublicSubjectProperty);

    public static string? Sector(ImmutableDictionary<string, JsonElement> properties) => Text(properties, SsoClaims.SectorProperty);

    public static string? BackChannelLogoutUri(ImmutableDictionary<string, JsonElement> properties) => Text(properties, SsoClaims.BackChannelLogoutUriProperty);

    private static bool True(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static string? Text(ImmutableDictionary<string, JsonElement> properties, string name) =>
        properties is not null && properties.TryGetValue(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static void Set(Dictionary<string, JsonElement> properties, string name, JsonElement? value)
    {
        properties.Remove(name);
        if (value is { } set)
        {
            properties[name] = set;
        }
    }
}
