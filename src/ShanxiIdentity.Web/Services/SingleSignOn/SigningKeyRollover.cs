using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// Puts <see cref="ProviderKeyRing"/>'s rollover into OpenIddict, whose options hold one key fixed
/// at start-up: each token is signed by the key current at the clock's time, the key set lists
/// every published key (public halves only), and tokens validate against the published keys.
/// </summary>
public sealed class SigningKeyRollover(ProviderKeyRing ring, IServiceScopeFactory scopes, TimeProvider clock) :
    IOpenIddictServerHandler<GenerateTokenContext>,
    IOpenIddictServerHandler<HandleJsonWebKeySetRequestContext>,
    IOpenIddictServerHandler<ValidateTokenContext>
{
    public static IEnumerable<OpenIddictServerHandlerDescriptor> Descriptors { get; } =
    [
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<SigningKeyRollover>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build(),
        OpenIddictServerHandlerDescriptor.CreateBuilder<HandleJsonWebKeySetRequestContext>()
            .UseSingletonHandler<SigningKeyRollover>()
            .SetOrder(OpenIddictServerHandlers.Discovery.AttachSigningKeys.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build(),
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenContext>()
            .UseSingletonHandler<SigningKeyRollover>()
            .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build(),
    ];

    public async ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        await ring.RefreshAsync(scopes, now, context.CancellationToken).ConfigureAwait(false);
        if (context.SigningCredentials?.Key is ECDsaSecurityKey)
        {
            context.SigningCredentials = ProviderKeyRing.Credentials(ring.Current(now));
        }
    }

    public async ValueTask HandleAsync(HandleJsonWebKeySetRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        await ring.RefreshAsync(scopes, now, context.CancellationToken).ConfigureAwait(false);
        context.Keys.RemoveAll(k => k.Use == JsonWebKeyUseNames.Sig);
        foreach (var key in ring.Published(now))
        {
            // The public half only: a key built from public parameters cannot leak the private one.
            var pub = new ECDsaSecurityKey(ECDsa.Create(key.Key.ECDsa.ExportParameters(includePrivateParameters: false))) { KeyId = key.Key.KeyId };
            var jwk = JsonWebKeyConverter.ConvertFromECDsaSecurityKey(pub);
            jwk.Use = JsonWebKeyUseNames.Sig;
            jwk.Alg = SecurityAlgorithms.EcdsaSha256;
            context.Keys.Add(jwk);
        }
    }

    public async ValueTask HandleAsync(ValidateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var now = clock.GetUtcNow();
        await ring.RefreshAsync(scopes, now, context.CancellationToken).ConfigureAwait(false);
        var parameters = context.TokenValidationParameters.Clone();
        parameters.IssuerSigningKeys = [.. ring.Published(now).Select(k => (SecurityKey)k.Key), .. parameters.IssuerSigningKeys?.Where(k => k is not ECDsaSecurityKey) ?? []];
        context.TokenValidationParameters = parameters;
    }
}
