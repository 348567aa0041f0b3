namespace ShanxiIdentity.Web.Tests.Hosting;

/// <summary>What an operator sees when a setting is wrong, or when they run a command.</summary>
public sealed class StartupConfigurationTests : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("shanxi-host-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task Unknown_provider_stops_start_up_with_one_line_naming_the_setting()
    {
        var outcome = await PortalProcess.RunAsync(Settings(("Database__Provider", "Oracle")));

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Database:Provider", line, StringComparison.Ordinal);
        Assert.Contains("Oracle", line, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task Unreachable_database_stops_start_up_naming_the_connection_setting()
    {
        // Nothing listens on port 1 of loopback: the connection is refused at once.
        var outcome = await PortalProcess.RunAsync(Settings(
            ("Database__Provider", "PostgreSql"),
            ("ConnectionStrings__Default", "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none;Timeout=3")));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ConnectionStrings:Default", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("PostgreSql", outcome.Error, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task Server_provider_without_connection_string_names_the_missing_setting()
    {
        var outcome = await PortalProcess.RunAsync(Settings(("Database__Provider", "SqlServer"), ("ConnectionStrings__Default", "")));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("ConnectionStrings:Default", outcome.Error, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task Migrate_command_creates_the_sqlite_database_and_exits()
    {
        var file = Path.Combine(_work.FullName, "migrated.db");
        var outcome = await PortalProcess.RunAsync(
            Settings(("Database__Provider", "Sqlite"), ("ConnectionStrings__Default", $"Data Source={file}")),
            "migrate");

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("migrate: the Sqlite database is up to date;", outcome.Output, StringComparison.Ordinal);
        Assert.Matches(@"[1-9][0-9]* migration\(s\) applied, latest [0-9]+_\w+", outcome.Output);
        Assert.True(File.Exists(file));
    }

    private Dictionary<string, string> Settings(params (string Key, string Value)[] settings)
    {
        var environment = settings.ToDictionary(s => s.Key, s => s.Value);
        environment["Logging__Directory"] = Path.Combine(_work.FullName, "logs");
        return environment;
    }

    private static void AssertNoStackTrace(PortalProcess.Outcome outcome)
    {
        Assert.DoesNotContain("   at ", outcome.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", outcome.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", outcome.Error, StringComparison.Ordinal);
    }
}
