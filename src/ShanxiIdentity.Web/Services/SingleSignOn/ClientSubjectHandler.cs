using System.Security.Claims;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;
using Claims = OpenIddict.Abstractions.OpenIddictConstants.Claims;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// What a client reads says its own <c>sub</c> (<see cref="PairwiseSubjects"/>) and <c>sid</c>: the identity
/// and access tokens are rewritten after OpenIddict prepared them. Codes and refresh tokens, which only
/// the portal opens (encrypted), keep the account id, so the token endpoint, consent and revocation
/// find the account as before; userinfo finds it through the token's authorization (ConsentRegistry).
/// </summary>
public sealed class ClientSubjectHandler(PairwiseSubjects subjects, IOpenIddictApplicationManager applications) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<ClientSubjectHandler>()
            .SetOrder(Math.Max(OpenIddictServerHandlers.PrepareAccessTokenPrincipal.Descriptor.Order, OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order) + 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A system's own token (client credentials) has the client as subject: nothing to hide.
        if (SsoIdentities.PersonAccountId(context.Principal) is not { } accountId
            || (context.Request?.ClientId ?? context.ClientId) is not { } clientId
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken).ConfigureAwait(false) is not { } application)
        {
            return;
        }

        var subject = subjects.Subject(accountId, clientId, await applications.GetPropertiesAsync(application, context.CancellationToken).ConfigureAwait(false));
        var session = Guid.TryParseExact(context.Principal!.GetClaim(SsoClaims.PortalSession), "N", out var sessionId) ? subjects.SessionId(sessionId, clientId) : null;
        Rewrite(context.AccessTokenPrincipal, subject, null);
        Rewrite(context.IdentityTokenPrincipal, subject, session);
    }

    private static void Rewrite(ClaimsPrincipal? principal, string subject, string? session)
    {
        if (principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var destinations = identity.FindFirst(Claims.Subject)?.GetDestinations() ?? [];
        identity.SetClaim(Claims.Subject, subject);
        identity.FindFirst(Claims.Subject)!.SetDestinations(destinations);
        identity.SetClaim(SsoClaims.PortalSession, (string?)null);
        if (session is not null)
        {
            identity.SetClaim(SsoClaims.SessionId, session);
            identity.FindFirst(SsoClaims.SessionId)!.SetDestinations(destinations);
        }
    }
}
