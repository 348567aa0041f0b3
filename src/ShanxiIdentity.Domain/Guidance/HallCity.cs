namespace ShanxiIdentity.Domain.Guidance;

/// <summary>Where a 政务大厅 is: one of Shanxi's eleven cities, or the province's own hall (省直).</summary>
public static class HallCity
{
    public const string Province = "省直";

    public static IReadOnlyList<string> All { get; } =
    [
        Province, "太原市", "大同市", "阳泉市", "长治市", "晋城市", "朔州市", "晋中市", "运城市", "忻州市", "临汾市", "吕梁市",
    ];

    /// <summary>The city as listed, accepting the name without 市 (太原 → 太原市); null for anything else.</summary>
    public static string? Normalize(string? text)
    {
        var name = text?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return All.FirstOrDefault(c => c == name || c == name + "市");
    }
}
