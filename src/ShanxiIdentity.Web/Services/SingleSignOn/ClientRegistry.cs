using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Accounts;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Domain.SingleSignOn;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// 接入系统管理: administrators register the government systems that sign people in through the
/// portal. OpenIddict stores each client secret as a PBKDF2 hash; every change is audited.
/// </summary>
public sealed class ClientRegistry(
    IOpenIddictApplicationManager applications,
    PortalDbContext db,
    AuditLog audit)
{
    public async Task<IReadOnlyList<ClientView>> ListAsync(CancellationToken cancellationToken)
    {
        var views = new List<ClientView>();
        await foreach (var application in applications.ListAsync(count: null, offset: null, cancellationToken).ConfigureAwait(false))
        {
            views.Add(await ToViewAsync(application, cancellationToken).ConfigureAwait(false));
        }

        return [.. views.OrderBy(v => v.Settings.Name, StringComparer.Ordinal)];
    }

    public async Task<ClientView?> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is { } application
            ? await ToViewAsync(application, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>Registers a client; null when the identifier is taken.</summary>
    public async Task<ClientSecretIssued?> RegisterAsync(string clientId, bool confidential, ClientSettings settings, Guid? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!ClientRules.IsValidClientId(clientId))
        {
            // The staff form checks this first; a GUID-shaped id must never reach the store.
            throw new ArgumentException(ClientMessages.ClientIdRule, nameof(clientId));
        }

        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return null;
        }

        var secret = confidential ? NewSecret() : null;
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = confidential ? ClientTypes.Confidential : ClientTypes.Public,
            ApplicationType = ApplicationTypes.Web,
            ConsentType = ConsentTypes.Explicit,
        };
        descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        Apply(descriptor, confidential, settings);
        await audit.CommitAsync(
            async () =>
            {
                await applications.CreateAsync(descriptor, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.ClientRegistered, subject: null, actor, Describe(clientId, settings));
            },
            cancellationToken).ConfigureAwait(false);
        return new ClientSecretIssued(clientId, settings.Name, secret);
    }

    public async Task<bool> UpdateAsync(string clientId, ClientSettings settings, Guid? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return false;
        }

        var before = (await ToViewAsync(application, cancellationToken).ConfigureAwait(false)).Settings;
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken).ConfigureAwait(false);
        descriptor.RedirectUris.Clear();
        descriptor.PostLogoutRedirectUris.Clear();
        descriptor.Permissions.Clear();
        Apply(descriptor, descriptor.ClientType == ClientTypes.Confidential, settings);

        // Taking an item (or the full phone) away, or raising the minimum 实名等级, must reach what the client already holds: its
        // consents and refresh tokens are revoked, so people consent again to the narrower set.
        // The change, the revocations and the audit row commit together.
        // (openid is never a permission: always listed for the client, never "taken away".)
        var narrowed = before.Scopes.Where(s => s != Scopes.OpenId).Except(settings.Scopes, StringComparer.Ordinal).Any()
            || before.FullPhone && !settings.FullPhone
            || (settings.MinimumLevel ?? 0) > (before.MinimumLevel ?? 0);
        await audit.CommitAsync(
            async () =>
            {
                if (narrowed && await applications.GetIdAsync(application, cancellationToken).ConfigureAwait(false) is { } applicationId)
                {
                    await RevokeGrantsAsync(applicationId, cancellationToken).ConfigureAwait(false);
                }

                audit.Record(AuditAction.ClientChanged, subject: null, actor, Describe(clientId, settings) + (narrowed ? " " + ClientMessages.GrantsRevoked : string.Empty));
                await applications.UpdateAsync(application, descriptor, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task RevokeGrantsAsync(string applicationId, CancellationToken cancellationToken)
    {
        await foreach (var consent in db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
            .Where(a => a.Application!.Id == applicationId && a.Status == Statuses.Valid).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            consent.Status = Statuses.Revoked;
        }

        await foreach (var token in db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(t => t.Application!.Id == applicationId && t.Status == Statuses.Valid).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            token.Status = Statuses.Revoked;
        }
    }

    /// <summary>A new secret for a confidential client (the old one stops working at once); null for an unknown or public client.</summary>
    public async Task<ClientSecretIssued?> RenewSecretAsync(string clientId, Guid? actor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } application
            || !await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var secret = NewSecret();
        await audit.CommitAsync(
            async () =>
            {
                await applications.UpdateAsync(application, secret, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.ClientSecretRenewed, subject: null, actor, clientId);
            },
            cancellationToken).ConfigureAwait(false);
        return new ClientSecretIssued(clientId, await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false) ?? clientId, secret);
    }

    /// <summary>Removes a client with its consents and tokens (OpenIddict's store deletes them with it).</summary>
    public async Task<bool> RemoveAsync(string clientId, Guid? actor, CancellationToken cancellationToken)
    {
        if (await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return false;
        }

        await audit.CommitAsync(
            async () =>
            {
                await applications.DeleteAsync(application, cancellationToken).ConfigureAwait(false);
                audit.Record(AuditAction.ClientRemoved, subject: null, actor, clientId);
            },
            cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// What userinfo may release to a client today: the token's scopes that the client is still
    /// allowed (an access token outlives an administrator's edit by up to 30 minutes), and whether
    /// the full 预留手机号 is allowed (otherwise it is masked). Nothing for an unknown client.
    /// </summary>
    public async Task<(IReadOnlySet<string> Scopes, bool FullPhone)> ReleasableAsync(string? clientId, IEnumerable<string> tokenScopes, CancellationToken cancellationToken)
    {
        if (clientId is null || await applications.FindByClientIdAsync(clientId, cancellationToken).ConfigureAwait(false) is not { } application)
        {
            return (new HashSet<string>(), false);
        }

        var view = await ToViewAsync(application, cancellationToken).ConfigureAwait(false);
        return (tokenScopes.Intersect(view.Settings.Scopes, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal), view.Settings.FullPhone);
    }

    private static void Apply(OpenIddictApplicationDescriptor descriptor, bool confidential, ClientSettings settings)
    {
        descriptor.DisplayName = settings.Name;
        foreach (var uri in settings.RedirectUris)
        {
            descriptor.RedirectUris.Add(new Uri(uri));
        }

        foreach (var uri in settings.PostLogoutRedirectUris)
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri));
        }

        descriptor.Permissions.UnionWith(SingleSignOnSetup.PermissionsFor(confidential, settings.Scopes));
        ClientProperties.Write(descriptor.Properties, settings);
    }

    private async Task<ClientView> ToViewAsync(object application, CancellationToken cancellationToken)
    {
        var permissions = await applications.GetPermissionsAsync(application, cancellationToken).ConfigureAwait(false);
        var scopes = SsoScopes.Grantable
            .Where(s => s == Scopes.OpenId || permissions.Contains(Permissions.Prefixes.Scope + s))
            .ToList();
        var properties = await applications.GetPropertiesAsync(application, cancellationToken).ConfigureAwait(false);
        var settings = new ClientSettings(
            await applications.GetDisplayNameAsync(application, cancellationToken).ConfigureAwait(false) ?? string.Empty,
            [.. (await applications.GetRedirectUrisAsync(application, cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal)],
            [.. (await applications.GetPostLogoutRedirectUrisAsync(application, cancellationToken).ConfigureAwait(false)).Order(StringComparer.Ordinal)],
            scopes,
            ClientProperties.FullPhone(properties),
            MinimumLevel(properties),
            ClientProperties.Sector(properties),
            ClientProperties.PublicSubject(properties),
            ClientProperties.BackChannelLogoutUri(properties));
        return new ClientView(
            await applications.GetClientIdAsync(application, cancellationToken).ConfigureAwait(false) ?? string.Empty,
            await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken).ConfigureAwait(false),
            settings);
    }

    /// <summary>The lowest 实名等级 the client's administrator accepts; null when any.</summary>
    public static Domain.Accounts.RealNameLevel? MinimumLevel(ImmutableDictionary<string, JsonElement> properties) =>
        properties is not null && properties.TryGetValue(SsoClaims.MinimumLevelProperty, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? Domain.Accounts.RealNameLevels.FromNumber(number)
            : null;

    private static string Describe(string clientId, ClientSettings settings) =>
        $"{clientId} {settings.Name} 信息:{string.Join(',', settings.Scopes)} 完整手机号:{(settings.FullPhone ? "是" : "否")} 最低实名等级:{(settings.MinimumLevel is { } level ? RealNameLevels.Acr(level) : "不限")} 回调:{string.Join(' ', settings.RedirectUris)} 标识:{(settings.PublicSubject ? "public" : "pairwise:" + (settings.Sector ?? clientId))} 后端退出通知:{settings.BackChannelLogoutUri ?? "无"}";

    /// <summary>256 random bits, URL-safe: the administrator copies it into the client system's configuration.</summary>
    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
}
