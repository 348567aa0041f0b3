using System.Threading.RateLimiting;
using StackExchange.Redis;

namespace ShanxiIdentity.Web.Infrastructure;

/// <summary>
/// The shared (Redis) limiter, or this instance's own one while Redis fails: fail open to the
/// per-instance limit, never to no limit and never to refusing everyone (ADR 0009).
/// </summary>
internal sealed class FailOverRateLimiter(RateLimiter shared, RateLimiter local, SharedRateLimitStore store) : RateLimiter
{
    private static readonly RateLimitLease NotYet = new Refused();

    public override TimeSpan? IdleDuration => shared.IdleDuration;

    public override RateLimiterStatistics? GetStatistics() => shared.GetStatistics();

    // Redis answers only asynchronously: the middleware then calls AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        try
        {
            return await shared.AcquireAsync(permitCount, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            store.Unreachable(ex);
            return local.AttemptAcquire(permitCount);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            shared.Dispose();
            local.Dispose();
        }

        base.Dispose(disposing);
    }

    private sealed class Refused : RateLimitLease
    {
        public override bool IsAcquired => false;

        public override IEnumerable<string> MetadataNames => [];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
