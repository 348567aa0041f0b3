using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// One instance at a time for a cluster-wide job, and not again before it is due: the lease is taken
/// by a single conditional update (or the insert of its row, the first time), which the database
/// lets only one instance win.
/// </summary>
public sealed class JobLeases(PortalDbContext db, TimeProvider clock)
{
    /// <summary>How long a holder may run before another instance may take over (a crashed holder's lease runs out).</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(15);

    /// <summary>True when <paramref name="holder"/> now holds <paramref name="name"/> and its last run completed at least <paramref name="every"/> ago.</summary>
    public async Task<bool> TryTakeAsync(string name, string holder, TimeSpan every, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lastDue = now - every;
        var until = now + Length;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.Until < now || l.Holder == holder) && (l.LastCompletedAt == null || l.LastCompletedAt <= lastDue))
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, holder).SetProperty(l => l.Until, until), cancellationToken)
            .ConfigureAwait(false);
        if (taken == 1)
        {
            return true;
        }

        if (await db.JobLeases.AnyAsync(l => l.Name == name, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        db.JobLeases.Add(new JobLease { Name = name, Holder = holder, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            // Another instance inserted the row first: it holds the lease.
            db.ChangeTracker.Clear();
            return false;
        }
    }

    /// <summary>Keeps the lease for another <see cref="Length"/>; false if it was lost (the run should stop).</summary>
    public async Task<bool> RenewAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var until = clock.GetUtcNow().UtcDateTime + Length;
        return await db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Until, until), cancellationToken).ConfigureAwait(false) == 1;
    }

    /// <summary>The run is over: the lease is free, and the next run is due <c>every</c> from now.</summary>
    public Task CompleteAsync(string name, string holder, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(set => set.SetProperty(l => l.Holder, (string?)null).SetProperty(l => l.Until, now).SetProperty(l => l.LastCompletedAt, now), cancellationToken);
    }
}
