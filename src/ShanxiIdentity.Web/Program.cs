using Serilog;
using ShanxiIdentity.Data;
using ShanxiIdentity.Web;
using ShanxiIdentity.Web.Infrastructure;

Log.Logger = PortalLogging.CreateBootstrapLogger();
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddPortal();

    var app = builder.Build();
    app.UsePortal();

    if (PortalCommands.IsCommand(args))
    {
        return await PortalCommands.RunAsync(app, args);
    }

    await app.RunAsync();
    return 0;
}
catch (PortalConfigurationException ex)
{
    // A setting is wrong: one line that names it, no stack trace.
    await Console.Error.WriteLineAsync(ex.Message);
    return 2;
}
catch (Exception ex) when (ex is not HostAbortedException)
{
    Log.Fatal(ex, "The portal stopped unexpectedly");
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

/// <summary>The entry point; public so that functional tests can host it.</summary>
public partial class Program;
