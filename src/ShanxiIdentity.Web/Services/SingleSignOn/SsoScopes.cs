using ShanxiIdentity.Domain.SingleSignOn;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// What a client system can ask for, the claims each scope releases, and how the consent page
/// and the staff area name it: one place (docs/decisions/0006-openid-connect-provider.md).
/// </summary>
public static class SsoScopes
{
    /// <summary>For legal accounts: the organisation's name, credit code and type.</summary>
    public const string Organization = "organization";

    /// <summary>
    /// For persons: sign in as an organisation they are 经办人 for (chosen on the consent page among
    /// the authorisations covering the client); the organisation and who acts for it.
    /// </summary>
    public const string OrganizationAgent = "organization_agent";

    /// <summary>The full 身份证号 (of the person, or of a legal account's representative): only for clients allowed it, only with consent.</summary>
    public const string IdNumber = "id_number";

    /// <summary>What a client can be allowed, in the order the staff area and the consent page list them.</summary>
    public static IReadOnlyList<string> Grantable { get; } = [Scopes.OpenId, Scopes.Profile, Scopes.Phone, Organization, OrganizationAgent, IdNumber, Scopes.OfflineAccess];

    /// <summary>The consent page's line for each scope (what the person hands over).</summary>
    public static string Describe(string scope) => scope switch
    {
        Scopes.OpenId => SingleSignOnMessages.ScopeOpenId,
        Scopes.Profile => SingleSignOnMessages.ScopeProfile,
        Scopes.Phone => SingleSignOnMessages.ScopePhone,
        Organization => SingleSignOnMessages.ScopeOrganization,
        OrganizationAgent => SingleSignOnMessages.ScopeOrganizationAgent,
        IdNumber => SingleSignOnMessages.ScopeIdNumber,
        Scopes.OfflineAccess => SingleSignOnMessages.ScopeOfflineAccess,
        _ => scope,
    };
}
