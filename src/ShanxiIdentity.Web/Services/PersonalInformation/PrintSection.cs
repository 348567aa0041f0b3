namespace ShanxiIdentity.Web.Services.PersonalInformation;

/// <summary>A section of the page to print: its title and its items, each a list of label/value rows.</summary>
public sealed record PrintSection(string Title, IReadOnlyList<IReadOnlyList<(string Label, string Value)>> Items);
