using System.Security.Cryptography;
using System.Text;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// Encrypts ID numbers and phone numbers for the database, deterministically: the nonce is a keyed
/// hash (HMAC-SHA256) of the value, so one value always has one stored form under one key. That
/// keyed hash is what lookups and unique indexes compare — EF converts a query's parameter the same
/// way — while AES-256-GCM under a second key hides the value itself. Stored form:
/// <c>v2:</c> + key id + <c>:</c> + base64(nonce[12] ‖ tag[16] ‖ ciphertext). Any other stored
/// form is refused (<see cref="UnprotectedValueException"/>): the portal never writes a value in
/// clear, so one found in a column was written around it. Equal values are visibly equal in the
/// database (as with any lookup hash); nothing else about them is.
/// <para>
/// The current key encrypts; previous keys (<c>Protection:PreviousPersonalDataKeys</c>) only
/// decrypt, and give the extra stored forms a lookup searches until <c>reencrypt-personal-data</c>
/// has rewritten every row under the current key (ADR 0009).
/// </para>
/// </summary>
public sealed class PersonalDataCipher
{
    public const string VersionPrefix = "v2:";

    public const int KeyBytes = 32;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int KeyIdBytes = 4;

    /// <summary>First byte of a sealed value, before the id of its key.</summary>
    private const byte SealedVersion = 0x02;

    /// <summary>Marks a lookup form (never stored): the value, to be encrypted under a named previous key.</summary>
    private const char FormMark = '\u0001';

    private readonly Key[] _keys;

    public PersonalDataCipher(byte[] masterKey, params IEnumerable<byte[]> previousKeys)
    {
        ArgumentNullException.ThrowIfNull(previousKeys);
        _keys = [new Key(masterKey), .. previousKeys.Select(k => new Key(k))];
        if (_keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != _keys.Length)
        {
            throw new ArgumentException("The same personal-data key is configured twice.", nameof(previousKeys));
        }

        Fingerprint = string.Join(",", _keys.Select(k => k.Fingerprint));
    }

    /// <summary>Identifies the keys without revealing them (to refuse two different key sets in one process).</summary>
    public string Fingerprint { get; }

    /// <summary>The current key's id, as it appears in stored forms.</summary>
    public string CurrentKeyId => Current.Id;

    /// <summary>The ids of the keys that only decrypt.</summary>
    public IReadOnlyList<string> PreviousKeyIds => [.. _keys.Skip(1).Select(k => k.Id)];

    private Key Current => _keys[0];

    /// <summary>The stored prefix of a value written under the current key.</summary>
    public string CurrentPrefix => VersionPrefix + Current.Id + ":";

    public string Protect(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] == FormMark)
        {
            // A lookup form from LookupForms: "\u0001<key id>\u0001<value>".
            var end = value.IndexOf(FormMark, 1);
            return Protect(Find(value[1..end]) ?? throw new InvalidOperationException("Unknown key in a lookup form."), value[(end + 1)..]);
        }

        return Protect(Current, value);
    }

    /// <summary>
    /// Every stored form the value may have in the database while keys are being rotated — under
    /// each configured key — as values to compare a column
    /// with in a query (<c>forms.Contains(column)</c>): the column's converter turns each into its
    /// stored form. Only for queries: never assign one to an entity.
    /// </summary>
    public string[] LookupForms(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var forms = new List<string> { value }; // the current key's form
        forms.AddRange(_keys.Skip(1).Select(key => $"{FormMark}{key.Id}{FormMark}{value}"));
        return [.. forms];
    }

    private static string Protect(Key key, string value)
    {
        var plain = Encoding.UTF8.GetBytes(value);
        var output = new byte[NonceBytes + TagBytes + plain.Length];
        var nonce = output.AsSpan(0, NonceBytes);
        HMACSHA256.HashData(key.Lookup, plain).AsSpan(0, NonceBytes).CopyTo(nonce);
        using var aes = new AesGcm(key.Encryption, TagBytes);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceBytes + TagBytes), output.AsSpan(NonceBytes, TagBytes));
        return VersionPrefix + key.Id + ":" + Convert.ToBase64String(output);
    }

    /// <summary>The value; anything but a <c>v2:</c> form is refused, never taken as it is.</summary>
    public string Unprotect(string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var separator = stored.StartsWith(VersionPrefix, StringComparison.Ordinal) ? stored.IndexOf(':', VersionPrefix.Length) : -1;
        if (separator < 0)
        {
            throw new UnprotectedValueException();
        }

        var id = stored[VersionPrefix.Length..separator];
        var key = Find(id) ?? throw new CryptographicException($"The personal-data key {id} is not configured (Protection:PreviousPersonalDataKeys).");
        return Decrypt(key, Convert.FromBase64String(stored[(separator + 1)..]));
    }

    private static string Decrypt(Key key, byte[] input)
    {
        var plain = new byte[input.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key.Encryption, TagBytes);
        aes.Decrypt(input.AsSpan(0, NonceBytes), input.AsSpan(NonceBytes + TagBytes), input.AsSpan(NonceBytes, TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>
    /// Randomised AES-256-GCM under the current key's subkey for the purpose: for the Data Protection
    /// key ring, provider signing keys and material scans, never looked up. Layout: version byte ‖
    /// key id[4] ‖ nonce[12] ‖ tag[16] ‖ ciphertext.
    /// </summary>
    public byte[] Seal(ReadOnlySpan<byte> plain, SealPurpose purpose = SealPurpose.KeyRing)
    {
        var key = Current;
        var output = new byte[1 + KeyIdBytes + NonceBytes + TagBytes + plain.Length];
        output[0] = SealedVersion;
        key.IdBytes.CopyTo(output.AsSpan(1));
        var body = output.AsSpan(1 + KeyIdBytes);
        RandomNumberGenerator.Fill(body[..NonceBytes]);
        using var aes = new AesGcm(key.SealKey(purpose), TagBytes);
        aes.Encrypt(body[..NonceBytes], plain, body[(NonceBytes + TagBytes)..], body.Slice(NonceBytes, TagBytes));
        return output;
    }

    /// <summary>Whether sealed data is under the current key (re-encryption skips it).</summary>
    public bool IsSealedUnderCurrent(ReadOnlySpan<byte> sealedData) =>
        sealedData.Length > 1 + KeyIdBytes && sealedData[0] == SealedVersion && sealedData.Slice(1, KeyIdBytes).SequenceEqual(Current.IdBytes);

    public byte[] Open(ReadOnlySpan<byte> sealedData, SealPurpose purpose = SealPurpose.KeyRing)
    {
        if (sealedData.Length > 1 + KeyIdBytes + NonceBytes + TagBytes && sealedData[0] == SealedVersion)
        {
            var id = sealedData.Slice(1, KeyIdBytes);
            foreach (var key in _keys)
            {
                if (id.SequenceEqual(key.IdBytes))
                {
                    return Open(key.SealKey(purpose), sealedData[(1 + KeyIdBytes)..]);
                }
            }
        }

        throw new CryptographicException("No configured personal-data key opens this sealed value (Protection:PreviousPersonalDataKeys).");
    }

    private static byte[] Open(byte[] key, ReadOnlySpan<byte> body)
    {
        var plain = new byte[body.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(body[..NonceBytes], body[(NonceBytes + TagBytes)..], body.Slice(NonceBytes, TagBytes), plain);
        return plain;
    }

    private Key? Find(string id) => Array.Find(_keys, k => k.Id == id);

    /// <summary>One master key and its subkeys.</summary>
    private sealed class Key
    {
        public Key(byte[] masterKey)
        {
            ArgumentNullException.ThrowIfNull(masterKey);
            if (masterKey.Length != KeyBytes)
            {
                throw new ArgumentException($"The personal-data key must be {KeyBytes} bytes.", nameof(masterKey));
            }

            Encryption = Derive(masterKey, "ShanxiIdentity personal data encryption");
            Lookup = Derive(masterKey, "ShanxiIdentity personal data lookup");
            KeyRing = Derive(masterKey, "ShanxiIdentity data protection key ring");
            Scans = Derive(masterKey, "ShanxiIdentity material scans");
            var hash = SHA256.HashData(Lookup);
            Fingerprint = Convert.ToHexString(hash)[..16];
            IdBytes = hash[..KeyIdBytes];
            Id = Convert.ToHexStringLower(IdBytes);
        }

        public byte[] Encryption { get; }

        public byte[] Lookup { get; }

        public byte[] KeyRing { get; }

        public byte[] Scans { get; }

        public string Fingerprint { get; }

        public string Id { get; }

        public byte[] IdBytes { get; }

        public byte[] SealKey(SealPurpose purpose) => purpose == SealPurpose.Scan ? Scans : KeyRing;

        private static byte[] Derive(byte[] masterKey, string info) =>
            HKDF.DeriveKey(HashAlgorithmName.SHA256, masterKey, KeyBytes, info: Encoding.ASCII.GetBytes(info));
    }
}
