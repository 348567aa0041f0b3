namespace ShanxiIdentity.Web.Tests.Hosting;

/// <summary>What an operator sees when a setting is wrong, or when they run a command.</summary>
[Trait("Category", "Slow")]
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

    [Fact]
    public async Task A_fixed_captcha_answer_is_refused_in_production()
    {
        var outcome = await PortalProcess.RunAsync(Settings(("Captcha__FixedAnswer", "PASS")));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("Captcha:FixedAnswer", outcome.Error, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Theory]
    [InlineData("Staging", "Captcha__FixedAnswer", "PASS", "Captcha:FixedAnswer")]
    [InlineData("Staging", "SingleSignOn__AllowHttp", "true", "SingleSignOn:AllowHttp")]
    [InlineData("Benchmark", "Captcha__FixedAnswer", "PASS", "Captcha:FixedAnswer")]
    public async Task Test_only_settings_are_refused_in_every_environment_but_development_and_testing(string environment, string key, string value, string setting)
    {
        var outcome = await PortalProcess.RunAsync(Settings(("ASPNETCORE_ENVIRONMENT", environment), (key, value)));

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(setting, outcome.Error, StringComparison.Ordinal);
        Assert.Contains("仅允许在 Development 或 Testing 环境中设置", outcome.Error, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task A_qr_place_row_that_is_not_a_network_stops_start_up_naming_the_setting()
    {
        var outcome = await PortalProcess.RunAsync(Settings(("QrSignIn__Places__0__Network", "太原市"), ("QrSignIn__Places__0__Place", "山西省太原市")));

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("QrSignIn:Places", line, StringComparison.Ordinal);
        Assert.Contains("太原市", line, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task Outside_development_the_single_sign_on_issuer_must_be_set()
    {
        // Otherwise the issuer (and every endpoint in discovery) follows whatever Host a request names.
        var outcome = await PortalProcess.RunAsync(Settings(("SingleSignOn__Issuer", "")));

        Assert.Equal(2, outcome.ExitCode);
        var line = Assert.Single(outcome.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("SingleSignOn:Issuer", line, StringComparison.Ordinal);
        AssertNoStackTrace(outcome);
    }

    [Fact]
    public async Task Rotate_signing_key_command_schedules_one_key_at_a_time()
    {
        var database = Settings(("Database__Provider", "Sqlite"), ("ConnectionStrings__Default", $"Data Source={Path.Combine(_work.FullName, "keys.db")}"));

        var first = await PortalProcess.RunAsync(database, "rotate-signing-key", "24");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("rotate-signing-key: new signing key published now; it signs tokens from ", first.Output, StringComparison.Ordinal);

        var second = await PortalProcess.RunAsync(database, "rotate-signing-key");
        Assert.Equal(2, second.ExitCode);
        Assert.Contains("already waiting for its activation", second.Error, StringComparison.Ordinal);
        Assert.Equal(2, (await PortalProcess.RunAsync(database, "rotate-signing-key", "0")).ExitCode);
    }

    [Fact]
    public async Task Import_residents_command_reports_what_it_added_updated_and_skipped()
    {
        var file = Path.Combine(_work.FullName, "residents.csv");
        await File.WriteAllTextAsync(file, "id_number,name\n140105198503151236,张三\n11010519491231002x,李 四\n140105198503151237,王五\n");
        var database = Settings(("Database__Provider", "Sqlite"), ("ConnectionStrings__Default", $"Data Source={Path.Combine(_work.FullName, "import.db")}"));

        var first = await PortalProcess.RunAsync(database, "import-residents", file);
        await File.WriteAllTextAsync(file, "id_number,name\n140105198503151236,张三丰\n");
        var second = await PortalProcess.RunAsync(database, "import-residents", file);

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("import-residents: 2 added, 0 updated, 1 skipped.", first.Output, StringComparison.Ordinal);
        Assert.Contains("line 4: 身份证号校验位不正确", first.Output, StringComparison.Ordinal);
        Assert.Contains("import-residents: 0 added, 1 updated, 0 skipped.", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_organisations_command_fills_the_local_registry()
    {
        var file = Path.Combine(_work.FullName, "organisations.csv");
        await File.WriteAllTextAsync(file, "credit_code,name,legal_representative\n91350100M000100Y43,福建示例有限公司,张三\n91350100M000100Y44,校验位错误公司,李四\n\"92140700MA0N7P4W1T\",晋中市榆次区示例日用品商行,王五\n");

        var outcome = await PortalProcess.RunAsync(
            Settings(("Database__Provider", "Sqlite"), ("ConnectionStrings__Default", $"Data Source={Path.Combine(_work.FullName, "orgs.db")}")),
            "import-organisations",
            file);

        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("import-organisations: 2 added, 0 updated, 1 skipped.", outcome.Output, StringComparison.Ordinal);
        Assert.Contains("line 3: 统一社会信用代码校验未通过", outcome.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_residents_refuses_a_file_without_the_header()
    {
        var file = Path.Combine(_work.FullName, "bad.csv");
        await File.WriteAllTextAsync(file, "140105198503151236,张三\n");

        var outcome = await PortalProcess.RunAsync(
            Settings(("Database__Provider", "Sqlite"), ("ConnectionStrings__Default", $"Data Source={Path.Combine(_work.FullName, "bad.db")}")),
            "import-residents",
            file);

        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("id_number,name", outcome.Error, StringComparison.Ordinal);
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
