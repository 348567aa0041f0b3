using ShanxiIdentity.Data;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Readies EF Core (its services and the provider's compiled model of the portal's, Identity's and
/// OpenIddict's tables) on another core while the request pipeline is assembled; the start-up
/// database check (<see cref="DatabaseStartupService"/>) waits for it. Before the compiled models,
/// building the model here was a third of a start-up (540 ms of 1.5 s).
/// </summary>
internal sealed class DatabaseModelPreload(IServiceScopeFactory scopes)
{
    private Task? _building;

    public void Begin() => _building ??= Task.Run(() =>
    {
        using var scope = scopes.CreateScope();
        _ = scope.ServiceProvider.GetRequiredService<PortalDbContext>().Model;
    });

    public Task WaitAsync() => _building ?? Task.CompletedTask;
}
