using System.Globalization;

namespace ShanxiIdentity.Domain.Accounts;

/// <summary>The <c>acr</c> URI of each 实名等级, and the one for a multi-factor sign-in, as client systems ask for them.</summary>
public static class RealNameLevels
{
    public const string AcrPrefix = "urn:shanxi:gov:acr:level";

    /// <summary>A client asking for this in <c>acr_values</c> wants a second factor (amr contains mfa); the token's acr is still a level.</summary>
    public const string MultiFactorAcr = "urn:shanxi:gov:acr:mfa";

    public static IReadOnlyList<RealNameLevel> All { get; } = [RealNameLevel.FormatOnly, RealNameLevel.RegistryConfirmed, RealNameLevel.PhoneProved, RealNameLevel.InPerson];

    /// <summary>Discovery's <c>acr_values_supported</c>.</summary>
    public static IReadOnlyList<string> AcrValuesSupported { get; } = [.. All.Select(Acr), MultiFactorAcr];

    public static string Acr(RealNameLevel level) => AcrPrefix + ((int)level).ToString(CultureInfo.InvariantCulture);

    /// <summary>The level an acr URI names; null for any other value (clients' unknown values are ignored, as OIDC allows).</summary>
    public static RealNameLevel? FromAcr(string? acr) =>
        acr is { Length: > 0 } && acr.StartsWith(AcrPrefix, StringComparison.Ordinal)
        && int.TryParse(acr.AsSpan(AcrPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
        && Enum.IsDefined((RealNameLevel)number)
            ? (RealNameLevel)number
            : null;

    /// <summary>A stored level number (a client's minimum); null when none or out of range.</summary>
    public static RealNameLevel? FromNumber(int? number) =>
        number is { } n && Enum.IsDefined((RealNameLevel)n) && n > 0 ? (RealNameLevel)n : null;
}
