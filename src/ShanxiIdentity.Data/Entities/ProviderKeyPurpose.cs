namespace ShanxiIdentity.Data.Entities;

/// <summary>What a key is for, with its algorithm: a new algorithm is a new purpose, so rows of an old one are simply no longer read.</summary>
public static class ProviderKeyPurpose
{
    /// <summary>ECDSA P-256 (ES256): signs identity and access tokens; its public half is in the JWKS.</summary>
    public const string Signing = "signing-es256";

    /// <summary>AES-256 key wrap: encrypts what only the portal reads back (codes, refresh tokens).</summary>
    public const string Encryption = "encryption-a256kw";

    /// <summary>HMAC-SHA256 key deriving each client's pairwise <c>sub</c> and <c>sid</c>: never rotated (a new key would give everyone new identifiers).</summary>
    public const string Pairwise = "pairwise-hs256";
}
