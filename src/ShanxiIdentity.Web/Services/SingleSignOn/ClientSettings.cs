namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>What an administrator sets for a client system (接入系统).</summary>
public sealed record ClientSettings(
    string Name,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Scopes,
    bool FullPhone,
    Domain.Accounts.RealNameLevel? MinimumLevel = null,
    string? Sector = null,
    bool PublicSubject = false,
    string? BackChannelLogoutUri = null);
