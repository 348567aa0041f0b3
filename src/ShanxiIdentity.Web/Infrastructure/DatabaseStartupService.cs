using ShanxiIdentity.Data;
using ShanxiIdentity.Web.Services.SingleSignOn;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Before the server takes requests: checks the database answers, and migrates it when
/// <c>Database:MigrateOnStartup</c> allows (the default; production may apply scripts instead),
/// then reads the OpenID Connect provider's keys.
/// </summary>
internal sealed class DatabaseStartupService(IServiceScopeFactory scopes, DatabaseSettings settings, ProviderKeyRing providerKeys, TimeProvider clock, DatabaseModelPreload model) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        await model.WaitAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        using var scope = scopes.CreateScope();
        var migrator = scope.ServiceProvider.GetRequiredService<DatabaseMigrator>();
        if (settings.MigrateOnStartup)
        {
            await migrator.MigrateAsync(cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await migrator.EnsureReachableAsync(cancellationToken).ConfigureAwait(false);
        }

        await providerKeys.LoadAsync(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), clock, cancellationToken).ConfigureAwait(false);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
