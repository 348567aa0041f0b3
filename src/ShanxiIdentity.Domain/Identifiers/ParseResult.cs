namespace ShanxiIdentity.Domain.Identifiers;

internal static class ParseResult
{
    public static ParseResult<T> Success<T>(T value)
        where T : class => new(value, null);

    public static ParseResult<T> Failure<T>(string error)
        where T : class => new(null, error);
}
