using OpenIddict.Abstractions;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Single sign-on's codes, tokens and authorisations that are expired, redeemed, revoked or withdrawn,
/// a day after they were created (OpenIddict's own pruning; valid ones are never touched).
/// </summary>
public sealed class ProtocolTokenRetention(IOpenIddictTokenManager tokens, IOpenIddictAuthorizationManager authorizations) : IRetentionTask
{
    private static readonly TimeSpan KeptAfterCreation = TimeSpan.FromDays(1);

    public string Name => "sso-tokens";

    public async Task<int> RunAsync(DateTime now, CancellationToken cancellationToken)
    {
        var threshold = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)) - KeptAfterCreation;
        var tokenCount = await tokens.PruneAsync(threshold, cancellationToken).ConfigureAwait(false);
        var authorizationCount = await authorizations.PruneAsync(threshold, cancellationToken).ConfigureAwait(false);
        return (int)Math.Min(int.MaxValue, tokenCount + authorizationCount);
    }
}
