using System.Text.RegularExpressions;

namespace ShanxiIdentity.Web.Guidance;

/// <summary>
/// A template of the seed document: headed sections of paragraphs, then lines to sign. A blank to
/// fill in is written <c>[key]</c>; it renders as the value the portal knows, or as a blank line.
/// </summary>
public sealed record SeedDocument(int Appendix, string Title, IReadOnlyList<SeedSection> Sections, IReadOnlyList<string> SignatureLines)
{
    public string AppendixLabel => $"附录{Appendix}";

    public IEnumerable<string> AllLines => Sections.SelectMany(s => (s.Heading is null ? [] : new[] { s.Heading }).Concat(s.Paragraphs)).Concat(SignatureLines);
}

public sealed record SeedSection(string? Heading, IReadOnlyList<string> Paragraphs);

/// <summary>A piece of a template line: plain text, or a blank with its key and the value to put in it.</summary>
public sealed record TemplateSegment(string Text, string? BlankKey)
{
    public bool IsBlank => BlankKey is not null;
}

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
