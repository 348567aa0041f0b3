using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Data.Protection;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// The provider's signing and encryption keys, read from the database at start-up (created by
/// the first instance that finds none). Every instance behind the load balancer reads the same
/// rows, so a token issued by one is accepted by another; no development certificate anywhere.
/// ES256 and AES key wrap rather than RSA: a token grant signs up to three tokens and opens one,
/// and RSA's private-key operations were most of its cost (docs/benchmarks.md).
/// </summary>
public sealed class ProviderKeyRing
{
    private ECDsaSecurityKey? _signing;
    private SymmetricSecurityKey? _encryption;

    public SigningCredentials Signing => new(_signing ?? throw NotLoaded(), SecurityAlgorithms.EcdsaSha256);

    public EncryptingCredentials Encryption => new(_encryption ?? throw NotLoaded(), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);

    public async Task LoadAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        var signing = await LoadOrCreateAsync(db, ProviderKeyPurpose.Signing, NewEcdsaKey, clock, cancellationToken).ConfigureAwait(false);
        var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(signing.Key, out _);
        _signing = new ECDsaSecurityKey(ecdsa) { KeyId = signing.KeyId };

        var encryption = await LoadOrCreateAsync(db, ProviderKeyPurpose.Encryption, () => RandomNumberGenerator.GetBytes(32), clock, cancellationToken).ConfigureAwait(false);
        _encryption = new SymmetricSecurityKey(encryption.Key) { KeyId = encryption.KeyId };
    }

    private static byte[] NewEcdsaKey()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKey();
    }

    private static async Task<(byte[] Key, string KeyId)> LoadOrCreateAsync(PortalDbContext db, string purpose, Func<byte[]> create, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stored = await db.ProviderKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            var row = new ProviderKey
            {
                Purpose = purpose,
                SealedPrivateKey = PersonalData.Cipher.Seal(create()),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ProviderKeys.Add(row);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                stored = row;
            }
            catch (DbUpdateException)
            {
                // Another instance created it first (the purpose is unique): use that one.
                db.ChangeTracker.Clear();
                stored = await db.ProviderKeys.AsNoTracking().SingleAsync(k => k.Purpose == purpose, cancellationToken).ConfigureAwait(false);
            }
        }

        return (PersonalData.Cipher.Open(stored.SealedPrivateKey), $"{purpose}-{stored.Id}-{stored.CreatedAt:yyyyMMdd}");
    }

    private static InvalidOperationException NotLoaded() =>
        new("The provider keys are read at start-up (DatabaseStartupService); nothing may issue tokens before.");

    /// <summary>Hands the keys to OpenIddict when its options are first built (after start-up).</summary>
    internal sealed class ServerOptionsSetup(ProviderKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            options.SigningCredentials.Add(keys.Signing);
            options.EncryptionCredentials.Add(keys.Encryption);
        }
    }
}
