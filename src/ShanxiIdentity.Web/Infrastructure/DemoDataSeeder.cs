using ShanxiIdentity.Web.Services.Halls;
using ShanxiIdentity.Web.Services.RealName;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Development only: a few residents and organisations in the local registries, and sample halls, so a fresh clone
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

    /// <summary>Sample halls (示例): operators load the real list with <c>import-halls</c>.</summary>
    public static readonly string[] Halls =
    [
        "省直,山西省政务服务中心（示例）,太原市示例路1号,工作日 9:00-12:00 13:30-17:30,0351-0000001",
        "太原市,太原市政务服务中心（示例）,太原市示例街2号,工作日 9:00-17:00,0351-0000002",
        "晋中市,晋中市政务服务中心（示例）,晋中市示例大道3号,工作日 9:00-17:00,0354-0000003",
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

        using var halls = new StringReader(HallImporter.Header + "\n" + string.Join("\n", Halls));
        await scope.ServiceProvider.GetRequiredService<HallImporter>().ImportAsync(halls, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
