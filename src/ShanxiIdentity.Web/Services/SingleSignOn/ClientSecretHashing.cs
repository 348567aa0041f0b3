using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// OpenIddict's application manager with SHA-256 instead of PBKDF2 for client secrets. Every
/// secret is 256 random bits drawn by the portal (never chosen by a person), so a slow hash adds
/// nothing against guessing and costs each client-credential grant a PBKDF2 run; stored hashes
/// without the prefix (PBKDF2) are still checked by OpenIddict's own code.
/// </summary>
public sealed class PortalApplicationManager<TApplication>(
    IOpenIddictApplicationCache<TApplication> cache,
    ILogger<OpenIddictApplicationManager<TApplication>> logger,
    IOptionsMonitor<OpenIddictCoreOptions> options,
    IOpenIddictApplicationStore<TApplication> store)
    : OpenIddictApplicationManager<TApplication>(cache, logger, options, store)
    where TApplication : class
{
    private const string Prefix = "sha256:";

    protected override ValueTask<string> ObfuscateClientSecretAsync(string secret, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Prefix + Convert.ToBase64String(Hash(secret)));

    protected override ValueTask<bool> ValidateClientSecretAsync(string secret, string comparand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparand);
        if (!comparand.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return base.ValidateClientSecretAsync(secret, comparand, cancellationToken);
        }

        Span<byte> stored = stackalloc byte[SHA256.HashSizeInBytes];
        return ValueTask.FromResult(
            Convert.TryFromBase64String(comparand[Prefix.Length..], stored, out var written)
            && written == stored.Length
            && CryptographicOperations.FixedTimeEquals(Hash(secret), stored));
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
