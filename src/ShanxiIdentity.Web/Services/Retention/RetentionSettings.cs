using ShanxiIdentity.Data;
using ShanxiIdentity.Domain.Operations;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// How long the portal keeps each kind of data (docs/operations.md lists every table against these).
/// The audit log is kept at least <see cref="MinimumAuditDays"/> days: the Cybersecurity Law (art. 21)
/// wants network logs kept no less than six months, and six calendar months are up to 184 days (July to
/// December), so 180 would fall short in half the year; a shorter setting stops the portal at start.
/// </summary>
public sealed record RetentionSettings(
    TimeSpan RunEvery,
    int SmsDays,
    int SignInDays,
    int AuditDays,
    string? AuditArchiveDirectory,
    int ScanArchiveDays,
    int BatchSize)
{
    /// <summary>How often an instance asks whether a round is due (<c>Retention:PollSeconds</c>, default 5 minutes); the first ask waits too.</summary>
    public TimeSpan Poll { get; init; } = TimeSpan.FromMinutes(5);

    public const string Section = "Retention";
    public const int MinimumAuditDays = 184;

    public static RetentionSettings From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var settings = new RetentionSettings(
            TimeSpan.FromMinutes(Positive(configuration, "RunEveryMinutes", 60)),
            Positive(configuration, "SmsDays", 30),
            Positive(configuration, "SignInDays", 180),
            Positive(configuration, "AuditDays", MinimumAuditDays),
            configuration[$"{Section}:AuditArchiveDirectory"] is { Length: > 0 } directory ? directory : null,
            Positive(configuration, "ScanArchiveDays", 730),
            Positive(configuration, "BatchSize", 2000))
        {
            Poll = TimeSpan.FromSeconds(Positive(configuration, "PollSeconds", 300)),
        };
        if (settings.AuditDays < MinimumAuditDays)
        {
            throw new PortalConfigurationException($"{Section}:AuditDays", ConfigurationMessages.AuditRetentionTooShort(MinimumAuditDays));
        }

        return settings;
    }

    private static int Positive(IConfiguration configuration, string name, int fallback)
    {
        var value = configuration.GetValue($"{Section}:{name}", fallback);
        return value >= 1 ? value : throw new PortalConfigurationException($"{Section}:{name}", ConfigurationMessages.PositiveWholeNumber);
    }
}
