using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ShanxiIdentity.Web.Services.SingleSignOn;

/// <summary>
/// Development only: registers the 我的办件 sample (samples/ShanxiIdentity.MyCases) as a client
/// when <c>SingleSignOn:DevelopmentClient:Secret</c> is set — run.sh generates a fresh secret for
/// both apps at every start, so no secret lives in the repository.
/// </summary>
internal sealed class DevelopmentClientSeeder(IServiceScopeFactory scopes, IConfiguration configuration) : IHostedService
{
    public const string ClientId = "wode-banjian";
    private const string Section = "SingleSignOn:DevelopmentClient";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var secret = configuration[$"{Section}:Secret"];
        var baseUrl = configuration[$"{Section}:BaseUrl"] ?? "http://localhost:5035";
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        using var scope = scopes.CreateScope();
        var registry = scope.ServiceProvider.GetRequiredService<ClientRegistry>();
        var settings = new ClientSettings(
            "我的办件（示例业务系统）",
            [$"{baseUrl.TrimEnd('/')}/signin-oidc"],
            [$"{baseUrl.TrimEnd('/')}/signout-callback-oidc"],
            [Scopes.OpenId, Scopes.Profile, Scopes.Phone, SsoScopes.Organization, SsoScopes.OrganizationAgent, SsoScopes.IdNumber],
            FullPhone: false,
            BackChannelLogoutUri: $"{baseUrl.TrimEnd('/')}/backchannel-logout"); // pairwise sub: the sample keys its cases by whatever sub it is given
        if (await registry.FindAsync(ClientId, cancellationToken).ConfigureAwait(false) is null)
        {
            await registry.RegisterAsync(ClientId, confidential: true, settings, actor: null, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await registry.UpdateAsync(ClientId, settings, actor: null, cancellationToken).ConfigureAwait(false);
        }

        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(ClientId, cancellationToken).ConfigureAwait(false);
        await applications.UpdateAsync(application!, secret, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
