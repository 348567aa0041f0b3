using System.Collections.Immutable;
using System.Security.Claims;
using OpenIddict.Abstractions;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// The person's consents (OpenIddict's permanent authorizations): remembered per client system
/// and scope set, listed on 我的账号 and withdrawn there, which also revokes the client's tokens.
/// </summary>
public sealed class ConsentRegistry(
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictApplicationManager applications,
    IOpenIddictTokenManager tokens,
    BackChannel.BackChannelLogouts logouts,
    AuditLog audit)
{
    /// <summary>
    /// Clients registered before refresh tokens became a choice still hold the refresh-token grant:
    /// offline_access is dropped unless the administrator gave it (OpenIddict checks no permission for it).
    /// </summary>
    public async Task<ImmutableArray<string>> AllowedScopesAsync(object application, ImmutableArray<string> requested, CancellationToken cancellationToken) =>
        requested.Contains(Scopes.OfflineAccess)
        && !await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + Scopes.OfflineAccess, cancellationToken).ConfigureAwait(false)
            ? requested.Remove(Scopes.OfflineAccess)
            : requested;

    /// <summary>The consent already given to this client for at least these scopes, if any.</summary>
    public async Task<string?> FindAsync(Guid account, string applicationId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        await foreach (var authorization in authorizations.FindAsync(account.ToString(), applicationId, Statuses.Valid, AuthorizationTypes.Permanent, scopes, cancellationToken).ConfigureAwait(false))
        {
            return await authorizations.GetIdAsync(authorization, cancellationToken).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Remembers the consent; <paramref name="alongside"/> stages an audit row that commits with it (a sign-in as an organisation).</summary>
    public async Task<string> GrantAsync(ClaimsIdentity identity, Guid account, string applicationId, string clientId, ImmutableArray<string> scopes, Action? alongside, CancellationToken cancellationToken)
    {
        var authorization = await audit.CommitAsync(
            async () =>
            {
                var created = await authorizations.CreateAsync(new ClaimsPrincipal(identity), account.ToString(), applicationId, AuthorizationTypes.Permanent, scopes, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.ConsentGranted, account, detail: $"{clientId} 信息:{string.Join(',', scopes)}");
                alongside?.Invoke();
                return created;
            },
            _ => true,
            cancellationToken).ConfigureAwait(false);
        return await authorizations.GetIdAsync(authorization, cancellationToken).ConfigureAwait(false) ?? string.Empty;
    }

    public async Task<IReadOnlyList<ConsentView>> ListAsync(Guid account, CancellationToken cancellationToken)
    {
        var consents = new List<ConsentView>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(account.ToString(), cancellationToken).ConfigureAwait(false))
        {
            if (!await authorizations.HasStatusAsync(authorization, Statuses.Valid, cancellationToken).ConfigureAwait(false)
                || !await authorizations.HasTypeAsync(authorization, AuthorizationTypes.Permanent, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var applicationId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken).ConfigureAwait(false);
            var application = applicationId is null ? null : await applications.FindByIdAsync(applicationId, cancellationToken).ConfigureAwait(false);
            consents.Add(new ConsentView(
                await authorizations.GetIdAsync(authorization, cancellationToken).ConfigureAwait(false) ?? string.Empty,
                application is null ? "（已停止接入的系统）" : await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false) ?? string.Empty,
                [.. await authorizations.GetScopesAsync(authorization, cancellationToken).ConfigureAwait(false)],
                await authorizations.GetCreationDateAsync(authorization, cancellationToken).ConfigureAwait(false)));
        }

        return [.. consents.OrderByDescending(c => c.GrantedAt)];
    }

    /// <summary>
    /// The account behind a person's access token. Its <c>sub</c> is the client's pairwise one, so the account
    /// is read from the authorization (consent) it was issued under, whose subject is the account id.
    /// </summary>
    public async Task<Guid?> AccountBehindAccessTokenAsync(ClaimsPrincipal token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.GetClaim(SsoClaims.TokenKind) != SsoClaims.PersonToken || token.GetAuthorizationId() is not { } authorizationId
            || await authorizations.FindByIdAsync(authorizationId, cancellationToken).ConfigureAwait(false) is not { } authorization)
        {
            return null;
        }

        return Guid.TryParseExact(await authorizations.GetSubjectAsync(authorization, cancellationToken).ConfigureAwait(false), "D", out var id) ? id : null;
    }

    /// <summary>Withdraws one of the person's own consents and revokes the tokens issued under it.</summary>
    public async Task<bool> WithdrawAsync(Guid account, string authorizationId, CancellationToken cancellationToken)
    {
        var authorization = await authorizations.FindByIdAsync(authorizationId, cancellationToken).ConfigureAwait(false);
        if (authorization is null || await authorizations.GetSubjectAsync(authorization, cancellationToken).ConfigureAwait(false) != account.ToString())
        {
            return false;
        }

        // The client is told (back-channel logout): its sessions of the person end with the consent.
        var applicationId = await authorizations.GetApplicationIdAsync(authorization, cancellationToken).ConfigureAwait(false);
        await audit.CommitAsync(
            async () =>
            {
                if (applicationId is not null)
                {
                    await logouts.QueueForClientAsync(account, applicationId, BackChannel.BackChannelLogoutReasons.ConsentWithdrawn, cancellationToken).ConfigureAwait(false);
                }

                await authorizations.TryRevokeAsync(authorization, cancellationToken).ConfigureAwait(false);
                await tokens.RevokeByAuthorizationIdAsync(authorizationId, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.ConsentWithdrawn, account, detail: authorizationId);
            },
            cancellationToken).ConfigureAwait(false);
        logouts.Ring();
        return true;
    }
}
