using System.Diagnostics;

namespace ShanxiIdentity.Web.Tests.Hosting;

/// <summary>Runs the built portal as an operator would (<c>dotnet ShanxiIdentity.Web.dll …</c>) and captures what it prints.</summary>
internal static class PortalProcess
{
    public sealed record Outcome(int ExitCode, string Output, string Error);

    public static async Task<Outcome> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(WebAssemblyPath())!,
        };
        start.ArgumentList.Add(WebAssemblyPath());
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Protection__PersonalDataKey"] = Infrastructure.PortalFactory.TestPersonalDataKey;
        start.Environment["SingleSignOn__Issuer"] = "https://tyrz.example.gov.cn/";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The portal did not exit within 60 s: " + await output);
        }

        return new Outcome(process.ExitCode, await output, await error);
    }

    /// <summary>An operator command against the database of a running test portal.</summary>
    public static Task<Outcome> RunCommandAsync(Infrastructure.PortalFactory factory, params string[] args)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _ = factory.Services; // the portal has migrated its database
        return RunAsync(
            new Dictionary<string, string>
            {
                ["Database__Provider"] = factory.Provider.ToString(),
                ["ConnectionStrings__Default"] = factory.ConnectionString,
                ["Logging__Directory"] = factory.LogDirectory,
                ["Logging__Console"] = "false",
            },
            args);
    }

    /// <summary>The web project's own build output, next to its runtimeconfig and deps files.</summary>
    public static string WebAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "ShanxiIdentity.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "src", "ShanxiIdentity.Web", "bin", configuration, "net10.0", "ShanxiIdentity.Web.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the web project first.", path);
    }
}
