using System.ComponentModel.DataAnnotations;
using OpenIddict.Abstractions;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Areas.Counter.Models;

/// <summary>An administrator registers or changes a client system (接入系统).</summary>
public sealed class ClientForm
{
    [Display(Name = "系统标识（client_id）")]
    public string? ClientId { get; set; }

    [Display(Name = "系统名称")]
    public string? Name { get; set; }

    [Display(Name = "登录回调地址（每行一个）")]
    public string? RedirectUris { get; set; }

    [Display(Name = "退出后返回地址（每行一个，可不填）")]
    public string? PostLogoutRedirectUris { get; set; }

    /// <summary>Confidential (有系统密钥, a server-side application) or public (a browser or mobile app, PKCE only).</summary>
    public bool Confidential { get; set; } = true;

    public List<string> Scopes { get; set; } = [OpenIddictConstants.Scopes.OpenId, OpenIddictConstants.Scopes.Profile];

    public bool FullPhone { get; set; }

    /// <summary>The lowest 实名等级 (1–4) accepted; null = any.</summary>
    [Display(Name = "最低实名等级")]
    public int? MinimumLevel { get; set; }

    /// <summary>标识共享组: clients in one sector see one pairwise sub for a person; empty = the client's own.</summary>
    [Display(Name = "标识共享组（可不填）")]
    public string? Sector { get; set; }

    /// <summary>The account id as sub, as before pairwise subjects: only for a system that must match people across systems.</summary>
    public bool PublicSubject { get; set; }

    [Display(Name = "后端退出通知地址（backchannel_logout_uri，可不填）")]
    public string? BackChannelLogoutUri { get; set; }

    public ClientSettings ToSettings() => new(
        Name!.Trim(),
        ClientRules.Lines(RedirectUris),
        ClientRules.Lines(PostLogoutRedirectUris),
        [.. SsoScopes.Grantable.Where(Scopes.Contains)],
        FullPhone,
        Domain.Accounts.RealNameLevels.FromNumber(MinimumLevel),
        string.IsNullOrWhiteSpace(Sector) ? null : Sector.Trim(),
        PublicSubject,
        string.IsNullOrWhiteSpace(BackChannelLogoutUri) ? null : BackChannelLogoutUri.Trim());

    public static ClientForm From(ClientView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return new ClientForm
        {
            ClientId = view.ClientId,
            Name = view.Settings.Name,
            RedirectUris = string.Join('\n', view.Settings.RedirectUris),
            PostLogoutRedirectUris = string.Join('\n', view.Settings.PostLogoutRedirectUris),
            Confidential = view.Confidential,
            Scopes = [.. view.Settings.Scopes],
            FullPhone = view.Settings.FullPhone,
            MinimumLevel = view.Settings.MinimumLevel is { } level ? (int)level : null,
            Sector = view.Settings.Sector,
            PublicSubject = view.Settings.PublicSubject,
            BackChannelLogoutUri = view.Settings.BackChannelLogoutUri,
        };
    }
}
