namespace ShanxiIdentity.Data.Entities;

/// <summary>
/// A key the OpenID Connect provider signs or encrypts tokens with. Kept in the database, so
/// every instance issues and accepts the same tokens; the private key is sealed with the
/// personal-data key, so a copy of the database alone cannot forge a token.
/// </summary>
public class ProviderKey
{
    public int Id { get; set; }

    /// <summary><see cref="ProviderKeyPurpose"/>: one key per purpose for now (unique), which makes creation race-safe.</summary>
    public required string Purpose { get; set; }

    /// <summary>The private key (PKCS#8) or the symmetric key, sealed by <c>PersonalDataCipher.Seal</c>.</summary>
    public required byte[] SealedPrivateKey { get; set; }

    public DateTime CreatedAt { get; set; }
}
