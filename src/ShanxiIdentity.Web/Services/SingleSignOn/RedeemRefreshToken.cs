using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.EntityFrameworkCore.Models;
using OpenIddict.Server;
using ShanxiIdentity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// OpenIddict's redemption of a presented code or token, in its place, with one change: a refresh
/// token is marked redeemed by one conditional UPDATE of three columns, where OpenIddict's handler
/// validates the entity and rewrites its whole row (payload included) through the change tracker, a
/// tenth of a refresh grant's CPU (docs/benchmarks.md). The outcome is OpenIddict's: the rolled token
/// is spent, and one spent already (a retry within the reuse leeway) is left as it is. Codes go to
/// OpenIddict's handler, which refuses a second redemption.
/// </summary>
public sealed class RedeemRefreshToken(PortalDbContext db, IOpenIddictTokenManager tokens) : IOpenIddictServerHandler<ProcessSignInContext>
{
    /// <summary>In OpenIddict's place (SingleSignOnSetup removes its descriptor), with its filters and order.</summary>
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ProcessSignInContext>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireDegradedModeDisabled>()
            .AddFilter<OpenIddictServerHandlerFilters.RequireTokenStorageEnabled>()
            .UseScopedHandler<RedeemRefreshToken>()
            .SetOrder(OpenIddictServerHandlers.RedeemTokenEntry.Descriptor.Order)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public async ValueTask HandleAsync(ProcessSignInContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.EndpointType != OpenIddictServerEndpointType.Token || !context.Request.IsRefreshTokenGrantType()
            || context.Options.DisableRollingRefreshTokens)
        {
            await new OpenIddictServerHandlers.RedeemTokenEntry(tokens).HandleAsync(context).ConfigureAwait(false);
            return;
        }

        if (context.Transaction.GetProperty<ProcessAuthenticationContext>(typeof(ProcessAuthenticationContext).FullName!)?.RefreshTokenPrincipal?.GetTokenId() is not { Length: > 0 } id)
        {
            return;
        }

        var now = (context.Options.TimeProvider ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var concurrencyToken = Guid.NewGuid().ToString();
        await db.Set<OpenIddictEntityFrameworkCoreToken>()
            .Where(token => token.Id == id && token.Status == Statuses.Valid)
            .ExecuteUpdateAsync(
                set => set.SetProperty(token => token.Status, Statuses.Redeemed)
                    .SetProperty(token => token.RedemptionDate, now)
                    .SetProperty(token => token.ConcurrencyToken, concurrencyToken),
                context.CancellationToken)
            .ConfigureAwait(false);

        // The entry OpenIddict loaded (and caches for this request) says so too, and leaves the change
        // tracker, so the new token's save does not write the row again.
        if (await tokens.FindByIdAsync(id, context.CancellationToken).ConfigureAwait(false) is OpenIddictEntityFrameworkCoreToken entry)
        {
            entry.Status = Statuses.Redeemed;
            entry.RedemptionDate ??= now;
            db.Entry(entry).State = EntityState.Detached;
        }
    }
}
