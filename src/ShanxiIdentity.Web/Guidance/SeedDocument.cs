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
