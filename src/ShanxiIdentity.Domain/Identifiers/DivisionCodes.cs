namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>
/// Province-level codes of GB/T 2260. Only the province is checked strictly: abolished county
/// codes remain on valid identity cards and must never be refused.
/// </summary>
public static class DivisionCodes
{
    private static readonly HashSet<string> Provinces =
    [
        "11", "12", "13", "14", "15",
        "21", "22", "23",
        "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46",
        "50", "51", "52", "53", "54",
        "61", "62", "63", "64", "65",
    ];

    // 71 Taiwan, 81 Hong Kong, 82 Macao, 83 residence permits for Taiwan residents.
    private static readonly HashSet<string> SpecialRegions = ["71", "81", "82", "83"];

    /// <summary>The national registration authorities' division code (GB 32100: 100000).</summary>
    public const string National = "10";

    public static bool IsResidentProvince(string twoDigits) =>
        Provinces.Contains(twoDigits) || SpecialRegions.Contains(twoDigits);

    /// <summary>
    /// The province of a credit code's registration authority (positions 3–4), or 10 for a national
    /// one. Taiwan, Hong Kong and Macao issue no unified social credit codes, and 83 names only a
    /// residence permit, so the special regions an ID number may carry are not divisions here.
    /// </summary>
    public static bool IsRegistrationProvince(string twoDigits) =>
        Provinces.Contains(twoDigits) || twoDigits == National;
}
