using System.Globalization;
using Serilog;
using Serilog.Configuration;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>Serilog: structured console output and a rolling file, with identifiers masked.</summary>
public static class PortalLogging
{
    public const string DirectoryKey = "Logging:Directory";
    public const string ConsoleKey = "Logging:Console";

    public static Serilog.ILogger CreateBootstrapLogger() =>
        new LoggerConfiguration()
            .MinimumLevel.Information()
            .WriteTo.Redacted(sinks => sinks.Console(formatProvider: CultureInfo.InvariantCulture))
            .CreateBootstrapLogger();

    public static void Configure(LoggerConfiguration logger, IConfiguration configuration, IHostEnvironment environment, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(environment);
        var directory = LogDirectory(configuration, environment);

        logger.ReadFrom.Configuration(configuration)
            .ReadFrom.Services(services)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            // A start-up failure propagates to Program, which reports it once (a bad setting without a stack trace).
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .WriteTo.Redacted(sinks =>
            {
                sinks.File(
                    new CompactJsonFormatter(),
                    Path.Combine(directory, "portal-.log"),
                    rollingInterval: RollingInterval.Day,
                    retainedFileCountLimit: 31,
                    shared: true);

                if (!configuration.GetValue(ConsoleKey, defaultValue: true))
                {
                    return;
                }

                if (environment.IsDevelopment())
                {
                    sinks.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj} {Properties:j}{NewLine}{Exception}", formatProvider: CultureInfo.InvariantCulture);
                }
                else
                {
                    sinks.Console(new RenderedCompactJsonFormatter());
                }
            });
    }

    /// <summary>Every sink of the portal sits behind <see cref="RedactingSink"/>.</summary>
    private static LoggerConfiguration Redacted(this LoggerSinkConfiguration writeTo, Action<LoggerSinkConfiguration> sinks) =>
        writeTo.Sink(LoggerSinkConfiguration.Wrap(inner => new RedactingSink(inner), sinks));

    /// <summary><c>Logging:Directory</c>, or <c>logs/</c> under the app's own folder.</summary>
    public static string LogDirectory(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        var configured = configuration[DirectoryKey];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(environment.ContentRootPath, "logs")
            : Path.GetFullPath(configured, environment.ContentRootPath);
    }
}
