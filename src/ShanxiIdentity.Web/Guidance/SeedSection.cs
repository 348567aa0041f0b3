namespace ShanxiIdentity.Web.Guidance;

public sealed record SeedSection(string? Heading, IReadOnlyList<string> Paragraphs);
