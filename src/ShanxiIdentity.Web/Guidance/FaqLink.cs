namespace ShanxiIdentity.Web.Guidance;

/// <summary>A link from an answer to the page that does what the answer says.</summary>
public sealed record FaqLink(string Text, string Href);
