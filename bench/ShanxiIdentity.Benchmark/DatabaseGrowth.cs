using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;

namespace ShanxiIdentity.Benchmark;

/// <summary>
/// What each portal's database holds after a round: the rows the sign-in paths add or read
/// (sessions, outbox, audit, codes, spent captchas, tokens) and, on SQLite, the file and its WAL.
/// The second full run saw the SQLite portal's sign-ins grow costlier round after round; these
/// lines, beside the rounds' costs, say whether the growth follows what the tables hold.
/// </summary>
internal static class DatabaseGrowth
{
    public static async Task PrintAsync(string label, DatabaseProvider provider, string connectionString, string? sqliteFile)
    {
        await using var db = new PortalDbContext(PortalDatabase.Options(provider, connectionString));
        var counts = new (string Name, int Rows)[]
        {
            ("sessions", await db.SignInSessions.CountAsync().ConfigureAwait(false)),
            ("outbox", await db.SmsOutbox.CountAsync().ConfigureAwait(false)),
            ("audit", await db.AuditEntries.CountAsync().ConfigureAwait(false)),
            ("sms codes", await db.SmsCodes.CountAsync().ConfigureAwait(false)),
            ("spent captchas", await db.SpentCaptchas.CountAsync().ConfigureAwait(false)),
            ("tokens", await db.Set<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().CountAsync().ConfigureAwait(false)),
            ("QR codes", await db.QrSignIns.CountAsync().ConfigureAwait(false)),
        };
        var files = sqliteFile is null ? "" : $"   file {MiB(sqliteFile):F1} MiB, WAL {MiB(sqliteFile + "-wal"):F1} MiB";
        Console.WriteLine($"{label}: rows: {string.Join(", ", counts.Select(c => $"{c.Name} {c.Rows:N0}"))}{files}");
    }

    private static double MiB(string path) => File.Exists(path) ? new FileInfo(path).Length / 1048576.0 : 0;
}
