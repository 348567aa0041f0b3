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

internal static class ParseResult
{
    public static ParseResult<T> Success<T>(T value)
        where T : class => new(value, null);

    public static ParseResult<T> Failure<T>(string error)
        where T : class => new(null, error);
}
