using System.Threading.RateLimiting;
using RedisRateLimiting;
using StackExchange.Redis;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// The Redis connection behind the per-address limits when <c>Redis:Configuration</c> is set
/// (a StackExchange.Redis configuration string, e.g. <c>redis.internal:6379,password=…</c>).
/// Connects lazily and never aborts on a failed connect: the portal starts and serves with Redis
/// down, on per-instance limits (see <see cref="FailOverRateLimiter"/>).
/// </summary>
public sealed partial class SharedRateLimitStore(IConfiguration configuration, ILogger<SharedRateLimitStore> logger) : IDisposable
{
    public const string ConfigurationKey = "Redis:Configuration";

    /// <summary>Every key this portal writes starts with this, so a shared Redis can serve other systems too.</summary>
    public const string KeyPrefix = "shanxi-identity:rate:";

    private readonly Lazy<ConnectionMultiplexer> _connection = new(() => Connect(configuration[ConfigurationKey]!));
    private long _lastWarning;

    private static ConnectionMultiplexer Connect(string text)
    {
        var options = ConfigurationOptions.Parse(text);
        options.AbortOnConnectFail = false;

        // A request must not wait on a dead Redis: fail at once and fall back (see FailOverRateLimiter).
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ConnectTimeout = Math.Min(options.ConnectTimeout, 2000);
        options.AsyncTimeout = Math.Min(options.AsyncTimeout, 1000);
        options.SyncTimeout = Math.Min(options.SyncTimeout, 1000);
        return ConnectionMultiplexer.Connect(options);
    }

    public RateLimiter CreateLimiter(string partition, int permitLimit, TimeSpan window, FixedWindowRateLimiterOptions local)
    {
        var shared = new RedisFixedWindowRateLimiter<string>(KeyPrefix + partition, new RedisFixedWindowRateLimiterOptions
        {
            ConnectionMultiplexerFactory = () => _connection.Value,
            PermitLimit = permitLimit,
            Window = window,
        });
        return new FailOverRateLimiter(shared, new FixedWindowRateLimiter(local), this);
    }

    /// <summary>At most one warning a minute, however many requests fall back.</summary>
    internal void Unreachable(Exception exception)
    {
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastWarning);
        if ((last == 0 || now - last > 60_000) && Interlocked.CompareExchange(ref _lastWarning, now, last) == last)
        {
            LogUnreachable(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is unreachable: the per-address rate limits fall back to this instance's own count until it is back.")]
    private static partial void LogUnreachable(ILogger logger, Exception exception);

    public void Dispose()
    {
        if (_connection.IsValueCreated)
        {
            _connection.Value.Dispose();
        }
    }
}
