using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Agents;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.Identifiers;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Web.Services.Accounts;
using ShanxiIdentity.Web.Services.Agents;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// Signing in to a client system as an organisation (scope <c>organization_agent</c>): which
/// authorisation holds for the client, the claims it releases, and the re-check at every code,
/// refresh and userinfo call — an authorisation withdrawn, expired or narrowed ends what it gave.
/// </summary>
public sealed class AgentSignIn(PortalDbContext db, AgentDirectory directory, AuditLog audit, TimeProvider clock)
{
    /// <summary>The consent form's field: an offered authorisation's id ("N"), or empty for 以个人身份.</summary>
    public const string ChoiceField = "acting_for";

    /// <summary>Private claim of codes and refresh tokens: the authorisation the sign-in acts under.</summary>
    private const string AuthorizationClaim = "shanxi_agent";

    /// <summary>
    /// The authorisation, if it is the person's, accepted, in force today (China time) and covers
    /// the client; null otherwise. Read fresh: never trust what a form or an old token says.
    /// </summary>
    public async Task<ActingFor?> InForceAsync(Guid authorizationId, Guid personAccountId, string? clientId, CancellationToken cancellationToken)
    {
        var authorization = await db.AgentAuthorizations.AsNoTracking()
            .SingleOrDefaultAsync(a => a.Id == authorizationId && a.PersonAccountId == personAccountId, cancellationToken).ConfigureAwait(false);
        if (authorization is null || clientId is null || !authorization.IsInForce(ChinaTime.Today(clock)) || !authorization.Covers(clientId))
        {
            return null;
        }

        var organisation = await db.LegalEntityProfiles.AsNoTracking()
            .SingleOrDefaultAsync(p => p.AccountId == authorization.OrganisationAccountId, cancellationToken).ConfigureAwait(false);
        return organisation is null
            ? null
            : new ActingFor(authorization.Id, authorization.OrganisationAccountId, organisation.OrganisationName, organisation.CreditCode, organisation.Type.DisplayName(), authorization.Role, authorization.EndsOn);
    }

    /// <summary>What the consent page offers: for a person asking for <c>organization_agent</c>, the organisations whose authorisation covers the client.</summary>
    public async Task<IReadOnlyList<OwnAuthorization>> OffersAsync(Account account, string clientId, IEnumerable<string> scopes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Kind == AccountKind.Person && scopes.Contains(SsoScopes.OrganizationAgent, StringComparer.Ordinal)
            ? await directory.CoveringAsync(account.Id, clientId, cancellationToken).ConfigureAwait(false)
            : [];
    }

    /// <summary>
    /// The organisation chosen on the consent form: null for 以个人身份 (or no choice to make);
    /// <c>Valid</c> false when the form names anything that was not offered or no longer holds.
    /// </summary>
    public async Task<(bool Valid, ActingFor? Acting)> ChosenAsync(string? posted, IReadOnlyList<OwnAuthorization> offers, Guid personAccountId, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offers);
        if (string.IsNullOrEmpty(posted))
        {
            return (true, null);
        }

        if (!Guid.TryParseExact(posted, "N", out var id) || offers.All(o => o.Id != id))
        {
            return (false, null);
        }

        var acting = await InForceAsync(id, personAccountId, clientId, cancellationToken).ConfigureAwait(false);
        return (acting is not null, acting);
    }

    /// <summary>Under a remembered consent: the organisation the browser's session acts for, if it covers the client.</summary>
    public Task<ActingFor?> CurrentAsync(ActingAs? current, IReadOnlyList<OwnAuthorization> offers, Guid personAccountId, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return current is not null && offers.Any(o => o.Id == current.AuthorizationId)
            ? InForceAsync(current.AuthorizationId, personAccountId, clientId, cancellationToken)
            : Task.FromResult<ActingFor?>(null);
    }

    /// <summary>The choice the consent page preselects: the organisation the browser acts for, else the person's default, else 以个人身份.</summary>
    public static Guid? Preselected(IReadOnlyList<OwnAuthorization> offers, ActingAs? current)
    {
        ArgumentNullException.ThrowIfNull(offers);
        return offers.FirstOrDefault(o => o.Id == current?.AuthorizationId)?.Id ?? offers.FirstOrDefault(o => o.IsDefault)?.Id;
    }

    /// <summary>Adds the organisation and who acts for it: the identity token gets them all, the access token the authorisation id.</summary>
    public static void Apply(ClaimsIdentity identity, ActingFor acting, string personName)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(acting);
        identity.SetClaim(AuthorizationClaim, acting.AuthorizationId.ToString("N"));
        var released = Released(acting, personName).ToList();
        foreach (var (type, value) in released)
        {
            identity.SetClaim(type, value);
        }

        var types = released.Select(r => r.Type).ToHashSet(StringComparer.Ordinal);
        foreach (var claim in identity.Claims.Where(c => c.Type == AuthorizationClaim || types.Contains(c.Type)))
        {
            claim.SetDestinations(claim.Type switch
            {
                AuthorizationClaim => [],
                SsoClaims.AgentAuthorization => [Destinations.AccessToken, Destinations.IdentityToken],
                _ => [Destinations.IdentityToken],
            });
        }
    }

    /// <summary>What the identity token and userinfo release about the acting (beside <c>agent_authorization</c>).</summary>
    public static IEnumerable<(string Type, string Value)> Released(ActingFor acting, string personName)
    {
        ArgumentNullException.ThrowIfNull(acting);
        yield return (SsoClaims.OrganizationName, acting.OrganisationName);
        yield return (SsoClaims.CreditCode, acting.CreditCode);
        yield return (SsoClaims.OrganizationType, acting.OrganisationType);
        yield return (SsoClaims.AgentName, personName);
        yield return (SsoClaims.AgentRole, acting.Role.ProtocolName());
        yield return (SsoClaims.AgentAuthorization, acting.AuthorizationId.ToString("N"));
        yield return (SsoClaims.AgentExpires, acting.EndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// At the token endpoint: a code or refresh token issued to act for an organisation gives its
    /// claims again if the authorisation still holds for the client; false if it no longer does.
    /// </summary>
    public async Task<bool> ReapplyAsync(ClaimsIdentity identity, ClaimsPrincipal grant, Account account, string? clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grant);
        ArgumentNullException.ThrowIfNull(account);
        if (grant.GetClaim(AuthorizationClaim) is not { } claimed)
        {
            return true;
        }

        if (!Guid.TryParseExact(claimed, "N", out var id) || await InForceAsync(id, account.Id, clientId, cancellationToken).ConfigureAwait(false) is not { } acting)
        {
            return false;
        }

        Apply(identity, acting, SsoIdentities.DisplayName(account));
        return true;
    }

    /// <summary>The userinfo answer's organisation claims, while the access token's scopes still include organization_agent.</summary>
    public static void AddTo(Dictionary<string, object> claims, ActingFor? acting, IReadOnlySet<string> scopes, string personName)
    {
        ArgumentNullException.ThrowIfNull(claims);
        ArgumentNullException.ThrowIfNull(scopes);
        if (acting is null || !scopes.Contains(SsoScopes.OrganizationAgent))
        {
            return;
        }

        foreach (var (type, value) in Released(acting, personName))
        {
            claims[type] = value;
        }
    }

    /// <summary>
    /// For userinfo: the organisation an access token acts for, re-checked. <c>Valid</c> false when
    /// the token was issued under an authorisation that no longer holds for its client.
    /// </summary>
    public async Task<(bool Valid, ActingFor? Acting)> BehindAccessTokenAsync(ClaimsPrincipal token, Guid personAccountId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.GetClaim(SsoClaims.AgentAuthorization) is not { } claimed)
        {
            return (true, null);
        }

        var acting = Guid.TryParseExact(claimed, "N", out var id)
            ? await InForceAsync(id, personAccountId, token.GetPresenters().FirstOrDefault(), cancellationToken).ConfigureAwait(false)
            : null;
        return (acting is not null, acting);
    }

    /// <summary>Stages the audit row of a sign-in as the organisation (saved with the consent when one is granted).</summary>
    public void Record(ActingFor acting, Guid personAccountId, string clientId)
    {
        ArgumentNullException.ThrowIfNull(acting);
        audit.Record(AuditAction.ClientSignInAsOrganisation, acting.OrganisationAccountId, personAccountId, Detail(acting, clientId));
    }

    /// <summary>The audit row alone, for a sign-in under a consent given earlier.</summary>
    public Task WriteAsync(ActingFor acting, Guid personAccountId, string clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(acting);
        return audit.WriteAsync(AuditAction.ClientSignInAsOrganisation, acting.OrganisationAccountId, personAccountId, Detail(acting, clientId), cancellationToken);
    }

    private static string Detail(ActingFor acting, string clientId) => $"{clientId} #{acting.AuthorizationId:N}";
}
