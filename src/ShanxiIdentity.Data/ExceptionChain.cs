namespace ShanxiIdentity.Data;

/// <summary>Asks of an exception and everything it wraps, as a provider or EF Core may wrap the cause.</summary>
public static class ExceptionChain
{
    public static bool Any(Exception? exception, Func<Exception, bool> cause)
    {
        ArgumentNullException.ThrowIfNull(cause);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (cause(current))
            {
                return true;
            }
        }

        return false;
    }
}
