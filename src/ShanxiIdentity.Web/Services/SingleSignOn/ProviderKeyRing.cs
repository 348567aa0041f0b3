using System.Globalization;
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
/// The provider's signing and encryption keys, read from the database (the first instance that
/// finds none creates them). Every instance behind the load balancer reads the same rows, so a
/// token issued by one is accepted by another; no development certificate anywhere.
/// ES256 and AES key wrap rather than RSA: a token grant signs up to three tokens and opens one,
/// and RSA's private-key operations were most of its cost (docs/benchmarks.md).
/// Signing keys roll over (docs/decisions/0008-signing-key-rollover.md): <c>rotate-signing-key</c>
/// adds a key that is published at once and signs from its activation; the key before it stays
/// published until every token it signed has expired, then leaves the key set.
/// </summary>
public sealed class ProviderKeyRing : IDisposable
{
    /// <summary>How long a key stays published after its successor took over: the longest token lifetime (refresh, 8 h) and a margin.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(9);

    /// <summary>How long an instance trusts what it read: a key scheduled by another instance is seen within this time.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMinutes(1);

    /// <summary>A scheduled key's purpose: the algorithm's prefix and its activation (UTC, to the minute), within the column's 20 characters.</summary>
    private const string ScheduledPrefix = "es256@";
    private const string ActivationFormat = "yyyyMMddHHmm";

    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile SigningSet? _signing;
    private SymmetricSecurityKey? _encryption;
    private byte[]? _pairwise;

    public sealed record SigningKey(ECDsaSecurityKey Key, DateTime ActivatesAt);

    /// <summary>The signing keys ordered by activation, as read at LoadedAt.</summary>
    private sealed record SigningSet(IReadOnlyList<SigningKey> Keys, DateTimeOffset LoadedAt);

    public void Dispose() => _reload.Dispose();

    public static SigningCredentials Credentials(SigningKey key) => new((key ?? throw new ArgumentNullException(nameof(key))).Key, SecurityAlgorithms.EcdsaSha256);

    public EncryptingCredentials Encryption => new(_encryption ?? throw NotLoaded(), SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512);

    public async Task LoadAsync(PortalDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        // The first key is created once; after a rotation the first key's row may have been dropped.
        if (!await db.ProviderKeys.AnyAsync(k => k.Purpose == ProviderKeyPurpose.Signing || k.Purpose.StartsWith(ScheduledPrefix), cancellationToken).ConfigureAwait(false))
        {
            await LoadOrCreateAsync(db, ProviderKeyPurpose.Signing, NewEcdsaKey, clock, cancellationToken).ConfigureAwait(false);
        }

        _signing = await ReadSigningKeysAsync(db, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);

        var encryption = await LoadOrCreateAsync(db, ProviderKeyPurpose.Encryption, () => RandomNumberGenerator.GetBytes(32), clock, cancellationToken).ConfigureAwait(false);
        _encryption = new SymmetricSecurityKey(encryption.Key) { KeyId = encryption.KeyId };
        _pairwise = (await LoadOrCreateAsync(db, ProviderKeyPurpose.Pairwise, () => RandomNumberGenerator.GetBytes(32), clock, cancellationToken).ConfigureAwait(false)).Key;
    }

    /// <summary>The HMAC key of pairwise subjects (<see cref="PairwiseSubjects"/>): one row, the same on every instance, kept across restarts.</summary>
    public ReadOnlySpan<byte> PairwiseKey => _pairwise ?? throw NotLoaded();

    /// <summary>The key that signs now: the latest activated.</summary>
    public SigningKey Current(DateTimeOffset now)
    {
        var keys = (_signing ?? throw NotLoaded()).Keys;
        return keys.LastOrDefault(k => k.ActivatesAt <= now.UtcDateTime) ?? keys[0];
    }

    /// <summary>What the key set publishes and what validates tokens: the keys to come, the current one, and those whose successor took over less than <see cref="Retention"/> ago.</summary>
    public IReadOnlyList<SigningKey> Published(DateTimeOffset now) => Published(_signing ?? throw NotLoaded(), now);

    /// <summary>Reads the keys again when what this instance holds is older than <see cref="RefreshInterval"/>.</summary>
    public async ValueTask RefreshAsync(IServiceScopeFactory scopes, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        if (_signing is { } held && now >= held.LoadedAt && now - held.LoadedAt < RefreshInterval)
        {
            return;
        }

        await _reload.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_signing is { } again && now >= again.LoadedAt && now - again.LoadedAt < RefreshInterval)
            {
                return;
            }

            await using var scope = scopes.CreateAsyncScope();
            _signing = await ReadSigningKeysAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), now, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _reload.Release();
        }
    }

    /// <summary>
    /// Schedules the next signing key to take over after <paramref name="lead"/> (published from now on),
    /// and drops keys retired for good. Null when a key is already waiting for its activation.
    /// </summary>
    public async Task<DateTime?> ScheduleRotationAsync(PortalDbContext db, TimeProvider clock, TimeSpan lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(clock);
        await LoadAsync(db, clock, cancellationToken).ConfigureAwait(false); // an operator command runs before start-up made the keys
        var now = clock.GetUtcNow();
        var held = await ReadSigningKeysAsync(db, now, cancellationToken).ConfigureAwait(false);
        if (held.Keys[^1].ActivatesAt > now.UtcDateTime)
        {
            _signing = held;
            return null;
        }

        var rows = await db.ProviderKeys.Where(k => k.Purpose == ProviderKeyPurpose.Signing || k.Purpose.StartsWith(ScheduledPrefix)).ToListAsync(cancellationToken).ConfigureAwait(false);
        var activation = now.UtcDateTime + lead;
        activation = new DateTime(activation.Ticks - activation.Ticks % TimeSpan.TicksPerMinute + TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        var published = Published(held, now).Select(k => k.Key.KeyId).ToHashSet(StringComparer.Ordinal);
        db.ProviderKeys.RemoveRange(rows.Where(r => !published.Contains(KeyId(r))));
        db.ProviderKeys.Add(new ProviderKey
        {
            Purpose = ScheduledPrefix + activation.ToString(ActivationFormat, CultureInfo.InvariantCulture),
            SealedPrivateKey = PersonalData.Cipher.Seal(NewEcdsaKey()),
            CreatedAt = now.UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another instance scheduled one for the same minute (the purpose is unique): that one waits.
            db.ChangeTracker.Clear();
            return null;
        }

        _signing = await ReadSigningKeysAsync(db, now, cancellationToken).ConfigureAwait(false);
        return activation;
    }

    private static IReadOnlyList<SigningKey> Published(SigningSet set, DateTimeOffset now)
    {
        var keys = set.Keys;
        var at = now.UtcDateTime;
        return [.. keys.Where((k, i) => i == keys.Count - 1 || keys[i + 1].ActivatesAt > at - Retention)];
    }

    private static async Task<SigningSet> ReadSigningKeysAsync(PortalDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.ProviderKeys.AsNoTracking()
            .Where(k => k.Purpose == ProviderKeyPurpose.Signing || k.Purpose.StartsWith(ScheduledPrefix))
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var keys = new List<SigningKey>();
        foreach (var row in rows)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(PersonalData.Cipher.Open(row.SealedPrivateKey), out _);
            keys.Add(new SigningKey(new ECDsaSecurityKey(ecdsa) { KeyId = KeyId(row) }, ActivatesAt(row)));
        }

        return keys.Count == 0
            ? throw NotLoaded()
            : new SigningSet([.. keys.OrderBy(k => k.ActivatesAt).ThenBy(k => k.Key.KeyId, StringComparer.Ordinal)], now);
    }

    // The first key signs from the beginning; a scheduled one from the time in its purpose.
    private static DateTime ActivatesAt(ProviderKey row) =>
        row.Purpose.StartsWith(ScheduledPrefix, StringComparison.Ordinal)
            ? DateTime.SpecifyKind(DateTime.ParseExact(row.Purpose[ScheduledPrefix.Length..], ActivationFormat, CultureInfo.InvariantCulture), DateTimeKind.Utc)
            : DateTime.MinValue;

    private static string KeyId(ProviderKey row) => $"{ProviderKeyPurpose.Signing}-{row.Id}-{row.CreatedAt:yyyyMMdd}";

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
    internal sealed class ServerOptionsSetup(ProviderKeyRing keys, TimeProvider clock) : IConfigureOptions<OpenIddictServerOptions>
    {
        // OpenIddict needs one signing key in its options; SigningKeyRollover picks the right one per token.
        public void Configure(OpenIddictServerOptions options)
        {
            options.SigningCredentials.Add(Credentials(keys.Current(clock.GetUtcNow())));
            options.EncryptionCredentials.Add(keys.Encryption);
        }
    }
}
