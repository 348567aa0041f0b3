using OpenIddict.Abstractions;
using OpenIddict.Server;
using ShanxiIdentity.Domain.Audit;
using ShanxiIdentity.Web.Services.Accounts;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// 谁查看了我的信息: a client system redeeming a sign-in's authorization code with the ID number or
/// the full phone among what it may read (userinfo) gets one audit row for the person. The code is
/// redeemed once per sign-in; the refresh grant (the hot path) and each userinfo call write nothing.
/// </summary>
public sealed class ClaimReleaseAudit(ClientRegistry clients, IOpenIddictApplicationManager applications, AuditLog audit) : IOpenIddictServerHandler<ProcessSignInContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .UseScopedHandler<ClaimReleaseAudit>()
            .SetOrder(OpenIddictServerHandlers.AttachSignInParameters.Descriptor.Order - 1)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Token
            || !context.Request.IsAuthorizationCodeGrantType()
            || context.IsRejected
            || SsoIdentities.PersonAccountId(context.Principal) is not { } accountId
            || (context.ClientId ?? context.Request.ClientId) is not { } clientId)
        {
            return;
        }

        var (scopes, fullPhone) = await clients.ReleasableAsync(clientId, context.Principal!.GetScopes(), context.CancellationToken).ConfigureAwait(false);
        var released = new List<string>();
        if (scopes.Contains(SsoScopes.IdNumber))
        {
            released.Add("身份证号");
        }

        if (scopes.Contains(Scopes.Phone) && fullPhone)
        {
            released.Add("完整手机号");
        }

        if (released.Count == 0)
        {
            return;
        }

        var application = await applications.FindByClientIdAsync(clientId, context.CancellationToken).ConfigureAwait(false);
        var name = application is null ? clientId : await applications.GetDisplayNameAsync(application, context.CancellationToken).ConfigureAwait(false) ?? clientId;
        await audit.CommitAsync(
            () =>
            {
                audit.Record(AuditAction.SsoClaimsReleased, accountId, detail: $"{name}：{string.Join("、", released)}");
                return Task.CompletedTask;
            },
            context.CancellationToken).ConfigureAwait(false);
    }
}
