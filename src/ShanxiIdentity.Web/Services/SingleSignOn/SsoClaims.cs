namespace ShanxiIdentity.Web.Services.SingleSignOn;

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

    /// <summary>Under <c>organization_agent</c>, when the person acts for an organisation: the person's name.</summary>
    public const string AgentName = "agent_name";

    /// <summary><c>administrator</c> or <c>agent</c> (AgentNames.ProtocolName).</summary>
    public const string AgentRole = "agent_role";

    /// <summary>The 经办人 authorisation's id ("N" format); also in the access token, so userinfo re-checks it.</summary>
    public const string AgentAuthorization = "agent_authorization";

    /// <summary>The authorisation's last day (yyyy-MM-dd, China time).</summary>
    public const string AgentExpires = "agent_expires";

    /// <summary>Every claim the provider releases (discovery's <c>claims_supported</c>).</summary>
    public static IReadOnlyList<string> Supported { get; } =
    [
        "sub", "name", AccountKind, "phone_number", "phone_number_verified", OrganizationName, CreditCode, OrganizationType,
        IdNumber, TokenKind, AgentName, AgentRole, AgentAuthorization, AgentExpires, Acr, Amr, AuthTime, SessionId,
    ];

    /// <summary>The 实名等级 the sign-in satisfied (Domain.Accounts.RealNameLevels).</summary>
    public const string Acr = "acr";

    public const string Amr = Domain.Accounts.AuthenticationMethods.ClaimType;

    public const string AuthTime = Domain.Accounts.AuthenticationMethods.AuthTimeClaimType;

    /// <summary>Application property: the lowest 实名等级 (1–4) a client's administrator accepts; absent = any.</summary>
    public const string MinimumLevelProperty = "min_real_name_level";

    /// <summary>Application property of a client allowed the full 预留手机号 (otherwise it is masked).</summary>
    public const string FullPhoneProperty = "full_phone";

    /// <summary>In the identity token: the client's own name for the portal session (pairwise, as <c>sub</c>), echoed in back-channel logout tokens.</summary>
    public const string SessionId = "sid";

    /// <summary>Private claim of codes and refresh tokens (never in what a client reads): the portal session the grant was made in.</summary>
    public const string PortalSession = "shanxi_sid";

    /// <summary>Application property: the sector a client shares its pairwise <c>sub</c> with; absent = its own.</summary>
    public const string SectorProperty = "sector";

    /// <summary>Application property of a client an administrator marked as needing the public <c>sub</c> (the account id).</summary>
    public const string PublicSubjectProperty = "public_subject";

    /// <summary>Application property: where back-channel logout tokens are POSTed (OpenID Connect Back-Channel Logout 1.0).</summary>
    public const string BackChannelLogoutUriProperty = "backchannel_logout_uri";
}
