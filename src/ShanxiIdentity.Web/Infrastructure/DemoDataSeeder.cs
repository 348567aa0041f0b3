using ShanxiIdentity.Web.Services.RealName;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Development only: a few residents and organisations in the local registries, so a fresh clone
/// can register (the README lists them). Runs after the database start-up service has migrated.
/// </summary>
internal sealed class DemoDataSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public static readonly string[] Residents =
    [
        "140105198503151236,张三",
        "140106199007202349,李四",
        "140702197811023454,王五",
        "140105200001014565,赵六",
    ];

    public static readonly string[] Organisations =
    [
        "91140100MA0K3L8Q28,太原市晋阳示例科技有限公司,张三",
        "91140106MA0K5R2T6Y,太原市晋阳示例科技有限公司迎泽分公司,李四",
        "92140700MA0N7P4W1T,晋中市榆次区示例日用品商行,王五",
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        using (var residents = new StringReader(ResidentImporter.Header + "\n" + string.Join("\n", Residents)))
        {
            await scope.ServiceProvider.GetRequiredService<ResidentImporter>().ImportAsync(residents, cancellationToken).ConfigureAwait(false);
        }

        using var organisations = new StringReader(OrganisationImporter.Header + "\n" + string.Join("\n", Organisations));
        await scope.ServiceProvider.GetRequiredService<OrganisationImporter>().ImportAsync(organisations, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
