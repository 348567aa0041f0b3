using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// Redeem or burn: a code presented with a wrong PKCE verifier is revoked before OpenIddict
/// refuses the request, so whoever intercepted it gets one guess and the rightful client, whose
/// later redemption then fails too, starts a new sign-in. OpenIddict alone leaves it redeemable.
/// </summary>
public sealed class BurnCodeOnWrongVerifier(IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<BurnCodeOnWrongVerifier>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateCodeVerifier.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ValidateTokenRequestContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.IsAuthorizationCodeGrantType()
            || context.AuthorizationCodePrincipal is not { } code
            || code.GetClaim(Claims.Private.CodeChallenge) is not { Length: > 0 } challenge
            || Matches(context.Request.CodeVerifier, challenge, code.GetClaim(Claims.Private.CodeChallengeMethod)))
        {
            return;
        }

        if (code.GetTokenId() is { } id && await tokens.FindByIdAsync(id, context.CancellationToken).ConfigureAwait(false) is { } entry)
        {
            await tokens.TryRevokeAsync(entry, context.CancellationToken).ConfigureAwait(false);
        }
    }

    // Only S256 is accepted at the authorization endpoint (SingleSignOnSetup); anything else counts as wrong.
    private static bool Matches(string? verifier, string challenge, string? method) =>
        verifier is { Length: > 0 }
        && method == CodeChallengeMethods.Sha256
        && CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(WebEncoders.Base64UrlEncode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)))),
            Encoding.ASCII.GetBytes(challenge));
}
