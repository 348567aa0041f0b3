using System.Diagnostics;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// The peer: `dotnet new mvc --auth Individual`, with email confirmation turned off and its
/// migrations applied at start, published in Release — what a .NET team would start from.
/// </summary>
internal static class StockTemplate
{
    public const string Email = "peer@example.com";
    public const string Password = "Peer#Passw0rd";

    public static async Task<string> PublishAsync(string workDirectory)
    {
        var source = Path.Combine(workDirectory, "peer");
        var output = Path.Combine(workDirectory, "peer-out");
        await RunAsync("dotnet", workDirectory, "new", "mvc", "--auth", "Individual", "-o", source, "-n", "Peer", "--force").ConfigureAwait(false);
        var program = Path.Combine(source, "Program.cs");
        var text = await File.ReadAllTextAsync(program).ConfigureAwait(false);
        text = text.Replace("options.SignIn.RequireConfirmedAccount = true", "options.SignIn.RequireConfirmedAccount = false", StringComparison.Ordinal)
            .Replace("var app = builder.Build();", "var app = builder.Build();\nusing (var scope = app.Services.CreateScope()) { scope.ServiceProvider.GetRequiredService<Peer.Data.ApplicationDbContext>().Database.Migrate(); }", StringComparison.Ordinal);
        await File.WriteAllTextAsync(program, text).ConfigureAwait(false);
        await RunAsync("dotnet", source, "publish", "-c", "Release", "-o", output, "--nologo", "-v", "quiet").ConfigureAwait(false);
        return Path.Combine(output, "Peer.dll");
    }

    public static async Task RegisterAsync(Uri address)
    {
        using var client = LoadClient.NewBrowser(address);
        var fields = await Forms.HiddenFieldsAsync(client, "/Identity/Account/Register").ConfigureAwait(false);
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        fields["Input.ConfirmPassword"] = Password;
        if (await Forms.PostAsync(client, "/Identity/Account/Register", fields).ConfigureAwait(false) is null)
        {
            throw new InvalidOperationException("Could not register the peer's test user.");
        }
    }

    public static async Task<bool> LogInAsync(HttpClient client)
    {
        LoadClient.ForgetCookies(client);
        var fields = await Forms.HiddenFieldsAsync(client, "/Identity/Account/Login").ConfigureAwait(false);
        fields["Input.Email"] = Email;
        fields["Input.Password"] = Password;
        fields["Input.RememberMe"] = "false";
        return await Forms.PostAsync(client, "/Identity/Account/Login", fields).ConfigureAwait(false) == "/";
    }

    public static async Task RunAsync(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed: {await output}{await error}");
        }
    }
}
