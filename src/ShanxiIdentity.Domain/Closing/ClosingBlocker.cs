namespace ShanxiIdentity.Domain.Closing;

/// <summary>Something that must end before an account may close: what it is, and where to end it.</summary>
public sealed record ClosingBlocker(string What, string WhereToEnd);
