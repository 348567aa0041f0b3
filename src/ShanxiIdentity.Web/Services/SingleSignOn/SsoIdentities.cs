using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using ShanxiIdentity.Data.Entities;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Identifiers;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// What the provider says about an account, scope by scope. Tokens carry the subject (the
/// account's id here, which the client sees as its pairwise sub: ClientSubjectHandler; never the ID number) and, in the identity token, the profile; the phone and the
/// ID number are only on the userinfo endpoint, read fresh from the database at each call.
/// </summary>
public sealed class SsoIdentities(UserManager<Account> users)
{
    /// <summary>Private claim: the account's security stamp when consent was given, so a password reset ends the client's refresh tokens too.</summary>
    private const string SecurityStampClaim = "shanxi_stamp";

    public async Task<ClaimsIdentity> ForAccountAsync(Account account, IEnumerable<string> scopes)
    {
        ArgumentNullException.ThrowIfNull(account);
        var granted = scopes.ToHashSet(StringComparer.Ordinal);
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, account.Id.ToString());
        identity.SetClaim(SsoClaims.TokenKind, SsoClaims.PersonToken);
        identity.SetClaim(SecurityStampClaim, await users.GetSecurityStampAsync(account).ConfigureAwait(false));
        foreach (var (type, value) in ProfileAndOrganisation(account, granted))
        {
            identity.SetClaim(type, value);
        }

        identity.SetScopes(granted);
        identity.SetDestinations(claim => claim.Type switch
        {
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            SsoClaims.TokenKind => [Destinations.AccessToken],
            SecurityStampClaim => [],
            _ => [Destinations.IdentityToken],
        });
        return identity;
    }

    /// <summary>A system calling on its own behalf (client credentials): the subject is the client, not a person; access token only.</summary>
    public static ClaimsIdentity ForSystem(string clientId, string? displayName, IEnumerable<string> scopes)
    {
        var system = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        system.SetClaim(Claims.Subject, clientId);
        system.SetClaim(SsoClaims.TokenKind, SsoClaims.SystemToken);
        system.SetClaim(Claims.Name, displayName);
        system.SetScopes(scopes);
        system.SetAudiences(clientId);
        system.SetDestinations(_ => [Destinations.AccessToken]);
        return system;
    }

    /// <summary>
    /// The account a token stands for, when it was issued to a person: a system's token (client
    /// credentials) never resolves to an account, whatever its subject looks like. Codes and
    /// refresh tokens issued before the kind existed carry the security stamp, set on persons only.
    /// </summary>
    public static Guid? PersonAccountId(ClaimsPrincipal? token) =>
        token is not null
        && (token.GetClaim(SsoClaims.TokenKind) == SsoClaims.PersonToken
            || token.GetClaim(SsoClaims.TokenKind) is null && token.GetClaim(SecurityStampClaim) is { Length: > 0 })
        && Guid.TryParseExact(token.GetClaim(Claims.Subject), "D", out var id)
            ? id
            : null;

    /// <summary>Whether the account may still sign in to client systems with a grant made earlier.</summary>
    public async Task<bool> StillValidAsync(Account account, ClaimsPrincipal grant)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(grant);
        return !await users.IsLockedOutAsync(account).ConfigureAwait(false)
            && grant.GetClaim(SecurityStampClaim) == await users.GetSecurityStampAsync(account).ConfigureAwait(false);
    }

    /// <summary>
    /// The userinfo answer: the standard claims, plus the portal's, for the scopes the access token carries;
    /// <paramref name="subject"/> is the access token's (the client's pairwise or public sub, as in its identity token).
    /// </summary>
    public static Dictionary<string, object> UserInfo(Account account, string subject, IReadOnlySet<string> scopes, bool fullPhoneAllowed)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(scopes);
        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = subject };
        foreach (var (type, value) in ProfileAndOrganisation(account, scopes))
        {
            claims[type] = value;
        }

        if (scopes.Contains(Scopes.Phone) && account.PhoneNumber is { Length: > 0 } phone)
        {
            claims[Claims.PhoneNumber] = fullPhoneAllowed ? phone : SensitiveText.MaskPhone(phone);
            claims[Claims.PhoneNumberVerified] = account.PhoneNumberConfirmed;
        }

        if (scopes.Contains(SsoScopes.IdNumber) && (account.Person?.ResidentIdNumber ?? account.LegalEntity?.RepresentativeIdNumber) is { } idNumber)
        {
            claims[SsoClaims.IdNumber] = idNumber;
        }

        return claims;
    }

    /// <summary>What the identity token and userinfo both release: the profile and the organisation.</summary>
    private static IEnumerable<(string Type, string Value)> ProfileAndOrganisation(Account account, IReadOnlySet<string> scopes)
    {
        if (scopes.Contains(Scopes.Profile))
        {
            yield return (Claims.Name, DisplayName(account));
            yield return (SsoClaims.AccountKind, KindName(account.Kind));
        }

        if (scopes.Contains(SsoScopes.Organization) && account.LegalEntity is { } organisation)
        {
            yield return (SsoClaims.OrganizationName, organisation.OrganisationName);
            yield return (SsoClaims.CreditCode, organisation.CreditCode);
            yield return (SsoClaims.OrganizationType, organisation.Type.DisplayName());
        }
    }

    /// <summary>The person's name, or the organisation's for a legal account.</summary>
    public static string DisplayName(Account account)
    {
        ArgumentNullException.ThrowIfNull(account);
        return account.Person?.Name ?? account.LegalEntity?.OrganisationName ?? account.UserName ?? string.Empty;
    }

    private static string KindName(AccountKind kind) => kind == AccountKind.LegalEntity ? "legal_entity" : "person";
}
