using System.Text.RegularExpressions;

namespace ShanxiIdentity.Domain.Guidance;

/// <summary>One material to bring to the hall, in the seed's words, numbered as the seed numbers it.</summary>
public sealed partial record MaterialItem(int Position, string Text)
{
    /// <summary>The template it names (附录1 … 附录4), if any.</summary>
    public int? Appendix => AppendixPattern().Match(Text) is { Success: true } m ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>原件备查: the original is shown at the counter and handed back.</summary>
    public bool OriginalForInspection => Text.Contains("原件备查", StringComparison.Ordinal);

    /// <summary>加盖公章: carries the organisation's seal.</summary>
    public bool Sealed => Text.Contains("加盖", StringComparison.Ordinal);

    /// <summary>签字: signed by hand.</summary>
    public bool SignedByHand => Text.Contains("签字", StringComparison.Ordinal);

    [GeneratedRegex(@"附录\s*([1-4])")]
    private static partial Regex AppendixPattern();
}
