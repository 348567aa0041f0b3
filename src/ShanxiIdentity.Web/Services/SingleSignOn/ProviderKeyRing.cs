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
/// </summary>
public sealed class ProviderKeyRing
{
    private RsaSecurityKey? _signing;
    private RsaSecurityKey? _encryption;

    public RsaSecurityKey Signing => _signing ?? throw NotLoaded();

    public RsaSecurityKey Encryption => _encryption ?? throw NotLoaded();

    public async Task LoadAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        _signing = await LoadOrCreateAsync(db, ProviderKeyPurpose.Signing, clock, cancellationToken).ConfigureAwait(false);
        _encryption = await LoadOrCreateAsync(db, ProviderKeyPurpose.Encryption, clock, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RsaSecurityKey> LoadOrCreateAsync(PortalDbContext db, string purpose, TimeProvider clock, CancellationToken cancellationToken)
    {
        var stored = await db.ProviderKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Purpose == purpose, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            using var rsa = RSA.Create(2048);
            var row = new ProviderKey
            {
                Purpose = purpose,
                SealedPrivateKey = PersonalData.Cipher.Seal(rsa.ExportPkcs8PrivateKey()),
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

        var key = RSA.Create();
        key.ImportPkcs8PrivateKey(PersonalData.Cipher.Open(stored.SealedPrivateKey), out _);
        return new RsaSecurityKey(key) { KeyId = $"{purpose}-{stored.Id}-{stored.CreatedAt:yyyyMMdd}" };
    }

    private static InvalidOperationException NotLoaded() =>
        new("The provider keys are read at start-up (DatabaseStartupService); nothing may issue tokens before.");

    /// <summary>Hands the keys to OpenIddict when its options are first built (after start-up).</summary>
    internal sealed class ServerOptionsSetup(ProviderKeyRing keys) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            options.SigningCredentials.Add(new SigningCredentials(keys.Signing, SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(keys.Encryption, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }
    }
}
