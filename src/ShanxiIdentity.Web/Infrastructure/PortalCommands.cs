using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Counter;
using ShanxiIdentity.Web.Services;
using ShanxiIdentity.Web.Services.Counter;
using ShanxiIdentity.Web.Services.RealName;
using ShanxiIdentity.Web.Services.Halls;
using ShanxiIdentity.Web.Services.Registry;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// Operator commands run through the app itself (<c>dotnet ShanxiIdentity.Web.dll migrate</c>), so
/// they read the same configuration as the portal. Each prints what it did and exits.
/// </summary>
public static class PortalCommands
{
    private static readonly Dictionary<string, Func<IServiceProvider, string[], Task<int>>> Commands = new(StringComparer.Ordinal)
    {
        ["migrate"] = MigrateAsync,
        ["create-admin"] = CreateAdministratorAsync,
        ["rotate-signing-key"] = RotateSigningKeyAsync,
        ["reencrypt-personal-data"] = ReencryptPersonalDataAsync,
        ["import-residents"] = (services, args) => ImportAsync(services, args, "import-residents", ResidentImporter.Header,
            (reader, s) => s.GetRequiredService<ResidentImporter>().ImportAsync(reader)),
        ["import-organisations"] = (services, args) => ImportAsync(services, args, "import-organisations", OrganisationImporter.Header,
            (reader, s) => s.GetRequiredService<OrganisationImporter>().ImportAsync(reader)),
        ["import-halls"] = (services, args) => ImportAsync(services, args, "import-halls", HallImporter.Header,
            (reader, s) => s.GetRequiredService<HallImporter>().ImportAsync(reader)),
    };

    public static bool IsCommand(string[] args) => args is [var first, ..] && Commands.ContainsKey(first);

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        using var scope = app.Services.CreateScope();
        return await Commands[args[0]](scope.ServiceProvider, args[1..]).ConfigureAwait(false);
    }

    private static async Task<int> ImportAsync(
        IServiceProvider services,
        string[] args,
        string command,
        string header,
        Func<TextReader, IServiceProvider, Task<ImportReport>> import)
    {
        if (args is not [var file])
        {
            await Console.Error.WriteLineAsync($"usage: {command} FILE.csv   (UTF-8, header: {header})").ConfigureAwait(false);
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"{command}: no such file: {file}").ConfigureAwait(false);
            return 2;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8);
        ImportReport report;
        try
        {
            report = await import(reader, services).ConfigureAwait(false);
        }
        catch (InvalidDataException ex)
        {
            await Console.Error.WriteLineAsync($"{command}: {ex.Message}").ConfigureAwait(false);
            return 2;
        }

        foreach (var line in report.Skipped)
        {
            Console.WriteLine($"{command}: skipped {line}");
        }

        Console.WriteLine($"{command}: {report.Added} added, {report.Updated} updated, {report.Skipped.Count} skipped.");
        return 0;
    }

    /// <summary>
    /// The first administrator (or a new one after all were lost): a random one-time password,
    /// printed once; the authenticator and the real password are set at the first sign-in.
    /// </summary>
    private static async Task<int> CreateAdministratorAsync(IServiceProvider services, string[] args)
    {
        if (args is not [var loginName, var name])
        {
            await Console.Error.WriteLineAsync("usage: create-admin LOGIN-NAME 姓名").ConfigureAwait(false);
            return 2;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var created = await services.GetRequiredService<StaffDirectory>().CreateAsync(loginName, name, [StaffRole.Administrator], createdBy: null).ConfigureAwait(false);
        if (!created.Succeeded)
        {
            await Console.Error.WriteLineAsync($"create-admin: {created.Error}").ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine($"create-admin: administrator {loginName} created.");
        Console.WriteLine($"create-admin: one-time password: {created.InitialPassword}");
        Console.WriteLine("create-admin: sign in at /counter/login; the first sign-in binds an authenticator app and sets a new password.");
        return 0;
    }

    /// <summary>
    /// Schedules the OpenID Connect provider's next signing key: published at once, signing from
    /// HOURS later (48 by default: client systems re-read the key set at least daily); the old key
    /// is published until the tokens it signed have expired, and dropped by a later rotation.
    /// </summary>
    private static async Task<int> RotateSigningKeyAsync(IServiceProvider services, string[] args)
    {
        var hours = 48;
        if (args is [var text] && (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out hours) || hours is < 1 or > 24 * 90)
            || args.Length > 1)
        {
            await Console.Error.WriteLineAsync("usage: rotate-signing-key [HOURS]   (1 to 2160; default 48: the new key signs from then on)").ConfigureAwait(false);
            return 2;
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var activation = await services.GetRequiredService<Services.SingleSignOn.ProviderKeyRing>().ScheduleRotationAsync(
            services.GetRequiredService<PortalDbContext>(), services.GetRequiredService<TimeProvider>(), TimeSpan.FromHours(hours), CancellationToken.None).ConfigureAwait(false);
        if (activation is null)
        {
            await Console.Error.WriteLineAsync("rotate-signing-key: a new signing key is already waiting for its activation; nothing changed.").ConfigureAwait(false);
            return 2;
        }

        Console.WriteLine($"rotate-signing-key: new signing key published now; it signs tokens from {activation:yyyy-MM-dd HH:mm} UTC.");
        Console.WriteLine($"rotate-signing-key: the current key stays published until {activation + Services.SingleSignOn.ProviderKeyRing.Retention:yyyy-MM-dd HH:mm} UTC.");
        return 0;
    }

    /// <summary>
    /// After a change of <c>Protection:PersonalDataKey</c> (the old key in
    /// <c>Protection:PreviousPersonalDataKeys</c>): rewrites everything under the new key, in
    /// batches; stop it at any time and run it again to continue (docs/operations.md).
    /// </summary>
    private static async Task<int> ReencryptPersonalDataAsync(IServiceProvider services, string[] args)
    {
        const string usage = "usage: reencrypt-personal-data [--batch-size N] [--batches N]   (--batches: stop after N batches; run again to continue)";
        var batchSize = 500;
        int? batches = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                await Console.Error.WriteLineAsync(usage).ConfigureAwait(false);
                return 2;
            }

            switch (args[i])
            {
                case "--batch-size":
                    batchSize = number;
                    break;
                case "--batches":
                    batches = number;
                    break;
                default:
                    await Console.Error.WriteLineAsync(usage).ConfigureAwait(false);
                    return 2;
            }
        }

        await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        var cipher = Data.Protection.PersonalData.Cipher;
        Console.WriteLine($"reencrypt-personal-data: current key {cipher.CurrentKeyId}; previous key(s): {(cipher.PreviousKeyIds.Count == 0 ? "none" : string.Join(", ", cipher.PreviousKeyIds))}.");
        Data.Protection.PersonalDataRotation.Outcome outcome;
        try
        {
            outcome = await Data.Protection.PersonalDataRotation.ReencryptAsync(
                services.GetRequiredService<PortalDbContext>(), batchSize, batches, line => Console.WriteLine("reencrypt-personal-data: " + line), CancellationToken.None).ConfigureAwait(false);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            await Console.Error.WriteLineAsync($"reencrypt-personal-data: {ex.Message}").ConfigureAwait(false);
            return 1;
        }
        catch (System.Data.Common.DbException ex)
        {
            // E.g. a unique index: the same number was stored twice, under the old and the new key, during the rotation.
            await Console.Error.WriteLineAsync($"reencrypt-personal-data: the database refused a rewritten value ({ex.Message}); the batches before it are kept. Resolve the duplicate and run the command again.").ConfigureAwait(false);
            return 1;
        }

        Console.WriteLine(outcome.Complete
            ? $"reencrypt-personal-data: done, {outcome.Rewritten} value(s) re-encrypted; everything is under key {cipher.CurrentKeyId}, the previous key(s) may be removed."
            : $"reencrypt-personal-data: stopped after {batches} batch(es), {outcome.Rewritten} value(s) re-encrypted; run the command again to continue.");
        return 0;
    }

    private static async Task<int> MigrateAsync(IServiceProvider services, string[] args)
    {
        var settings = services.GetRequiredService<DatabaseSettings>();
        var applied = await services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None).ConfigureAwait(false);
        Console.WriteLine($"migrate: the {settings.Provider} database is up to date; {applied.Count} migration(s) applied, latest {(applied.Count > 0 ? applied[^1] : "(none)")}.");
        return 0;
    }
}
