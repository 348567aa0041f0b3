using System.Data.Common;
using System.Net.Sockets;

namespace ShanxiIdentity.Data;

/// <summary>Tells an unavailable database (server stopped, network gone, shutting down) from a fault of the portal.</summary>
public static class DatabaseOutage
{
    public static bool IsOutage(Exception? exception) => ExceptionChain.Any(exception, current =>
        current is DbException { IsTransient: true } or SocketException or TimeoutException
            or Microsoft.EntityFrameworkCore.Storage.RetryLimitExceededException);
}
