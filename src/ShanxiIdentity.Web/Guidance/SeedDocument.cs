namespace ShanxiIdentity.Web.Guidance;

/// <summary>A template of the seed document: headed sections of paragraphs, then lines to sign.</summary>
public sealed record SeedDocument(string Appendix, string Title, IReadOnlyList<SeedSection> Sections, IReadOnlyList<string> SignatureLines);

public sealed record SeedSection(string? Heading, IReadOnlyList<string> Paragraphs);
