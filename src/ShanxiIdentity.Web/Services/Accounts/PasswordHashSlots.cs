namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// At most one Argon2id hash per core at once, so a login storm queues instead of exhausting memory
/// (19 MiB a hash). Requests wait for a slot asynchronously and in arrival order
/// (<see cref="RunAsync{T}"/>): a blocked thread-pool thread per waiting login would starve the rest
/// of the portal, and barging waiters made the slowest logins several times slower than the median.
/// The hasher itself, which Identity calls synchronously, takes a slot only when its caller holds none.
/// </summary>
public sealed class PasswordHashSlots : IDisposable
{
    private static readonly AsyncLocal<bool> Held = new();
    private readonly SemaphoreSlim _slots = new(Environment.ProcessorCount, Environment.ProcessorCount);

    /// <summary>Runs <paramref name="work"/>, which may hash passwords, once a slot is free.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Held.Value)
        {
            return await work().ConfigureAwait(false);
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            Held.Value = true;
            return await work().ConfigureAwait(false);
        }
        finally
        {
            Held.Value = false;
            _slots.Release();
        }
    }

    /// <summary>A hash computed now: in the caller's slot, or in one taken (synchronously) for it.</summary>
    public T Run<T>(Func<T> hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        if (Held.Value)
        {
            return hash();
        }

        _slots.Wait();
        try
        {
            return hash();
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
