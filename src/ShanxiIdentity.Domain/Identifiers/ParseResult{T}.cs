namespace ShanxiIdentity.Domain.Identifiers;

/// <summary>The outcome of parsing an identifier: a value, or the Chinese reason it was refused.</summary>
public sealed class ParseResult<T>
    where T : class
{
    internal ParseResult(T? value, string? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    /// <summary>A message for the person who typed the input, in Chinese.</summary>
    public string? Error { get; }

    public bool IsValid => Value is not null;
}
