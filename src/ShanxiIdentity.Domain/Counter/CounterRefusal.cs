namespace ShanxiIdentity.Domain.Counter;

/// <summary>
/// Why a counter request refused a step: the message from <see cref="CounterMessages"/> (or the
/// seed's), the form field it concerns (null for the request as a whole), and for a refused
/// submission each item still missing.
/// </summary>
public sealed record CounterRefusal(string Message, string? Field = null)
{
    public IReadOnlyList<string> Missing { get; init; } = [];

    /// <summary>The message and then each missing item, as the page lists them.</summary>
    public IEnumerable<string> Lines => [Message, .. Missing];
}
