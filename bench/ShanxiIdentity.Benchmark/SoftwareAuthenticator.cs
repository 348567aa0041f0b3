using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// A passkey authenticator in C# (ES256: an ECDSA P-256 key), copied from the web tests'
/// (tests/ShanxiIdentity.Web.Tests/Infrastructure/SoftwareAuthenticator.cs, without its ways of
/// being wrong on purpose): 'none' attestation, and authenticatorData and clientDataJSON built by
/// hand as WebAuthn Level 3 lays them out, answered as the browser's <c>credential.toJSON()</c>.
/// </summary>
internal sealed class SoftwareAuthenticator(string origin) : IDisposable
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte AttestedCredentialData = 0x40;

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public byte[] CredentialId { get; } = RandomNumberGenerator.GetBytes(16);

    public string Id => WebEncoders.Base64UrlEncode(CredentialId);

    /// <summary>The user handle the portal gave at creation (base64url), returned with each assertion.</summary>
    public string? UserHandle { get; private set; }

    /// <summary>The page the ceremony runs on: the portal's own scheme, host and port.</summary>
    public string Origin { get; } = origin;

    /// <summary><c>navigator.credentials.create()</c> for the portal's creation options JSON.</summary>
    public string Create(string creationOptionsJson)
    {
        var options = JsonNode.Parse(creationOptionsJson)!;
        var rpId = options["rp"]!["id"]!.GetValue<string>();
        UserHandle = options["user"]!["id"]!.GetValue<string>();
        var clientData = ClientData("webauthn.create", options["challenge"]!.GetValue<string>());

        var point = _key.ExportParameters(false).Q;
        byte[] coseKey = [0xA5, 0x01, 0x02, 0x03, 0x26, 0x20, 0x01, 0x21, 0x58, 0x20, .. point.X!, 0x22, 0x58, 0x20, .. point.Y!];
        var idLength = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(idLength, (ushort)CredentialId.Length);
        byte[] authData = [.. AuthData(rpId, AttestedCredentialData), .. new byte[16], .. idLength, .. CredentialId, .. coseKey];
        byte[] attestation = [0xA3, .. Text("fmt"), .. Text("none"), .. Text("attStmt"), 0xA0, .. Text("authData"), .. Bytes(authData)];

        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["attestationObject"] = WebEncoders.Base64UrlEncode(attestation),
                ["transports"] = new JsonArray("internal"),
            },
        }.ToJsonString();
    }

    /// <summary><c>navigator.credentials.get()</c> for the portal's request options JSON.</summary>
    public string Get(string requestOptionsJson)
    {
        var options = JsonNode.Parse(requestOptionsJson)!;
        var rpId = options["rpId"]!.GetValue<string>();
        var clientData = ClientData("webauthn.get", options["challenge"]!.GetValue<string>());
        var authData = AuthData(rpId, 0);
        var signature = _key.SignData([.. authData, .. SHA256.HashData(clientData)], HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return new JsonObject
        {
            ["id"] = Id,
            ["rawId"] = Id,
            ["type"] = "public-key",
            ["authenticatorAttachment"] = "platform",
            ["clientExtensionResults"] = new JsonObject(),
            ["response"] = new JsonObject
            {
                ["clientDataJSON"] = WebEncoders.Base64UrlEncode(clientData),
                ["authenticatorData"] = WebEncoders.Base64UrlEncode(authData),
                ["signature"] = WebEncoders.Base64UrlEncode(signature),
                ["userHandle"] = UserHandle,
            },
        }.ToJsonString();
    }

    public void Dispose() => _key.Dispose();

    private byte[] ClientData(string type, string challenge) =>
        JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["type"] = type, ["challenge"] = challenge, ["origin"] = Origin, ["crossOrigin"] = false });

    private static byte[] AuthData(string rpId, byte extraFlags)
    {
        // Passkeys on phones usually keep no counter (0), which leaves replay to the server.
        var flags = (byte)(UserPresent | UserVerified | extraFlags);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(rpId)), flags, 0, 0, 0, 0];
    }

    /// <summary>A CBOR text string (major type 3), short.</summary>
    private static byte[] Text(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return [(byte)(0x60 | utf8.Length), .. utf8];
    }

    /// <summary>A CBOR byte string (major type 2) of up to 65535 bytes.</summary>
    private static byte[] Bytes(byte[] value) => value.Length switch
    {
        < 24 => [(byte)(0x40 | value.Length), .. value],
        < 256 => [0x58, (byte)value.Length, .. value],
        _ => [0x59, (byte)(value.Length >> 8), (byte)value.Length, .. value],
    };
}
