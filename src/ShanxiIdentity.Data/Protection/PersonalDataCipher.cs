using System.Security.Cryptography;
using System.Text;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// Encrypts ID numbers and phone numbers for the database, deterministically: the nonce is a keyed
/// hash (HMAC-SHA256) of the value, so one value always has one stored form. That keyed hash is what
/// lookups and unique indexes compare — EF converts a query's parameter the same way — while
/// AES-256-GCM under a second key hides the value itself. Stored form:
/// <c>v1:</c> + base64(nonce[12] ‖ tag[16] ‖ ciphertext). Equal values are visibly equal in the
/// database (as with any lookup hash); nothing else about them is.
/// </summary>
public sealed class PersonalDataCipher
{
    public const string Prefix = "v1:";
    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private readonly byte[] _encryptionKey;
    private readonly byte[] _lookupKey;
    private readonly byte[] _keyRingKey;

    public PersonalDataCipher(byte[] masterKey)
    {
        ArgumentNullException.ThrowIfNull(masterKey);
        if (masterKey.Length != KeyBytes)
        {
            throw new ArgumentException($"The personal-data key must be {KeyBytes} bytes.", nameof(masterKey));
        }

        _encryptionKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, KeyBytes, info: "ShanxiIdentity personal data encryption"u8.ToArray());
        _lookupKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, KeyBytes, info: "ShanxiIdentity personal data lookup"u8.ToArray());
        _keyRingKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, KeyBytes, info: "ShanxiIdentity data protection key ring"u8.ToArray());
        Fingerprint = Convert.ToHexString(SHA256.HashData(_lookupKey))[..16];
    }

    /// <summary>Identifies the key without revealing it (to refuse two different keys in one process).</summary>
    public string Fingerprint { get; }

    public static bool IsProtected(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public string Protect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        HMACSHA256.HashData(_lookupKey, plain).AsSpan(0, NonceBytes).CopyTo(nonce);
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes));
        return Prefix + Convert.ToBase64String(output);
    }

    /// <summary>Randomised AES-256-GCM under the key-ring subkey: for the Data Protection key ring, never looked up.</summary>
    public byte[] Seal(ReadOnlySpan<byte> plain)
    {
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        RandomNumberGenerator.Fill(output.AsSpan(0, NonceBytes));
        using var aes = new AesGcm(_keyRingKey, TagBytes);
        aes.Encrypt(output.AsSpan(0, NonceBytes), plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes));
        return output;
    }

    public byte[] Open(ReadOnlySpan<byte> sealedData)
    {
        var plain = new byte[sealedData.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_keyRingKey, TagBytes);
        aes.Decrypt(sealedData[..NonceBytes], sealedData[(NonceBytes + TagBytes)..], sealedData.Slice(NonceBytes, TagBytes), plain);
        return plain;
    }

    /// <summary>The value; a value stored before encryption was introduced (no prefix) comes back as it is.</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!IsProtected(stored))
        {
            return stored;
        }

        var input = Convert.FromBase64String(stored[Prefix.Length..]);
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(_encryptionKey, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }
}
