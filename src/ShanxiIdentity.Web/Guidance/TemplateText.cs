using System.Text.RegularExpressions;

namespace ShanxiIdentity.Web.Guidance;

public static partial class TemplateText
{
    /// <summary>How an unfilled blank prints: a line to write on.</summary>
    public const string EmptyBlank = "__________";

    public static IReadOnlyList<TemplateSegment> Split(string line, IReadOnlyDictionary<string, string>? values)
    {
        ArgumentNullException.ThrowIfNull(line);
        var segments = new List<TemplateSegment>();
        var last = 0;
        foreach (Match blank in BlankPattern().Matches(line))
        {
            if (blank.Index > last)
            {
                segments.Add(new TemplateSegment(line[last..blank.Index], null));
            }

            var key = blank.Groups[1].Value;
            segments.Add(new TemplateSegment(values is not null && values.TryGetValue(key, out var value) && value.Length > 0 ? value : string.Empty, key));
            last = blank.Index + blank.Length;
        }

        if (last < line.Length)
        {
            segments.Add(new TemplateSegment(line[last..], null));
        }

        return segments;
    }

    [GeneratedRegex(@"\[([^\]]+)\]")]
    private static partial Regex BlankPattern();
}
