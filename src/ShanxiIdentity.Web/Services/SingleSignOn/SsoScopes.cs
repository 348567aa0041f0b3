using static OpenIddict.Abstractions.OpenIddictConstants;
using ShanxiIdentity.Domain.SingleSignOn;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// What a client system can ask for, the claims each scope releases, and how the consent page
/// and the staff area name it: one place (docs/decisions/0006-openid-connect-provider.md).
/// </summary>
public static class SsoScopes
{
    /// <summary>For legal accounts: the organisation's name, credit code and type.</summary>
    public const string Organization = "organization";

    /// <summary>The full 身份证号 (of the person, or of a legal account's representative): only for clients allowed it, only with consent.</summary>
    public const string IdNumber = "id_number";

    /// <summary>What a client can be allowed, in the order the staff area and the consent page list them.</summary>
    public static IReadOnlyList<string> Grantable { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Phone, Organization, IdNumber, Scopes.OfflineAccess];

    /// <summary>The consent page's line for each scope (what the person hands over).</summary>
    public static string Describe(string scope) => scope switch
    {
        Scopes.OpenId => SingleSignOnMessages.ScopeOpenId,
        Scopes.Profile => SingleSignOnMessages.ScopeProfile,
        Scopes.Phone => SingleSignOnMessages.ScopePhone,
        Organization => SingleSignOnMessages.ScopeOrganization,
        IdNumber => SingleSignOnMessages.ScopeIdNumber,
        Scopes.OfflineAccess => SingleSignOnMessages.ScopeOfflineAccess,
        _ => scope,
    };
}

/// <summary>Claim names the provider issues beyond OpenID Connect's standard ones.</summary>
public static class SsoClaims
{
    /// <summary><c>person</c> (个人账号) or <c>legal_entity</c> (法人账号).</summary>
    public const string AccountKind = "account_kind";

    /// <summary>
    /// Set by the portal on every token it issues: <c>person</c> (an account signed in) or
    /// <c>system</c> (client credentials). Only person tokens resolve to an account; a client
    /// cannot choose it, unlike its client id, which is the subject of its own tokens.
    /// </summary>
    public const string TokenKind = "token_kind";

    public const string PersonToken = "person";

    public const string SystemToken = "system";

    public const string OrganizationName = "organization_name";

    public const string CreditCode = "credit_code";

    /// <summary>The 法人类型 in Chinese, as the registration form names it.</summary>
    public const string OrganizationType = "organization_type";

    public const string IdNumber = "id_number";

    /// <summary>Application property of a client allowed the full 预留手机号 (otherwise it is masked).</summary>
    public const string FullPhoneProperty = "full_phone";
}
