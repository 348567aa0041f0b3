using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// What the portal reads from a credential's JSON itself (Identity verifies it): the credential id,
/// and the challenge the browser signed, to spend it once.
/// </summary>
public static class PasskeyCredentials
{
    public static string ToId(byte[] credentialId) => WebEncoders.Base64UrlEncode(credentialId);

    /// <summary>Null for an id that is not base64url, so a forged route answers 404.</summary>
    public static byte[]? FromId(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return null;
        }

        try
        {
            return WebEncoders.Base64UrlDecode(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The credential id named in a credential's JSON (rawId), or null when it names none readable.</summary>
    public static byte[]? CredentialId(string credentialJson) =>
        Read(credentialJson, root => root.TryGetProperty("rawId", out var raw) && raw.ValueKind == JsonValueKind.String ? FromId(raw.GetString()) : null);

    /// <summary>
    /// A key for the challenge the browser signed (from clientDataJSON): the same challenge gives the same
    /// key, so a second sign-in with it is refused whatever cookie comes with it.
    /// </summary>
    public static Guid? ChallengeKey(string credentialJson) =>
        Read(credentialJson, root =>
        {
            if (!root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
                || !response.TryGetProperty("clientDataJSON", out var data) || data.ValueKind != JsonValueKind.String
                || FromId(data.GetString()) is not { } clientData)
            {
                return (Guid?)null;
            }

            using var client = JsonDocument.Parse(clientData);
            if (!client.RootElement.TryGetProperty("challenge", out var challenge) || challenge.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var hash = SHA256.HashData(Encoding.UTF8.GetBytes("passkey-challenge:" + challenge.GetString()));
            return new Guid(hash.AsSpan(0, 16));
        });

    private static T? Read<T>(string json, Func<JsonElement, T?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : default;
        }
        catch (JsonException)
        {
            return default;
        }
    }
}
