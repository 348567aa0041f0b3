using ShanxiIdentity.Web.Services.RealName;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Development only: a few residents in the local registry, so a fresh clone can register
/// (the README lists them). Runs after the database start-up service has migrated.
/// </summary>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public static readonly (string IdNumber, string Name)[] Residents =
    [
        ("140105198503151236", "张三"),
        ("140106199007202349", "李四"),
        ("140702197811023454", "王五"),
        ("140105200001014565", "赵六"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var csv = ResidentImporter.Header + "\n" + string.Join("\n", Residents.Select(r => $"{r.IdNumber},{r.Name}"));
        using var reader = new StringReader(csv);
        await scope.ServiceProvider.GetRequiredService<ResidentImporter>().ImportAsync(reader, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
