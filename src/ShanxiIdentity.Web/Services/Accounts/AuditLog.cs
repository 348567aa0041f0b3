using Microsoft.EntityFrameworkCore;
using ShanxiIdentity.Data;
using ShanxiIdentity.Data.Entities;

namespace ShanxiIdentity.Web.Services.Accounts;

/// <summary>
/// The audit rows of the portal. A change and its row commit together or not at all: the row is
/// <see cref="Record"/>ed (staged, not saved) inside <see cref="CommitAsync{T}"/>, whose one
/// transaction also covers what Identity's and OpenIddict's managers save on their own.
/// </summary>
public sealed class AuditLog(PortalDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    public AuditEntry Record(string action, Guid? subject, Guid? actor = null, string? detail = null)
    {
        var (role, hall) = StaffActor.Of(http.HttpContext?.User, actor ?? subject);
        return db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            SubjectAccountId = subject,
            ActorAccountId = actor ?? subject,
            Detail = Printable(detail),
            ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
            ActorRole = role,
            ActorHall = hall,
        }).Entity;
    }

    /// <summary>Control characters (a NUL byte cannot even be stored by PostgreSQL) become '?', and the text is capped at the column's size.</summary>
    private static string? Printable(string? text) =>
        text is null ? null : new string(text.Select(c => char.IsControl(c) ? '?' : c).Take(2000).ToArray());

    /// <summary>
    /// Runs <paramref name="change"/> (which records its audit row) in one transaction under the
    /// provider's execution strategy, saves what it staged and commits, when
    /// <paramref name="succeeded"/> says so; otherwise rolls everything back. Inside a transaction
    /// the caller already holds, that transaction's commit covers it.
    /// </summary>
    public async Task<T> CommitAsync<T>(Func<Task<T>> change, Func<T, bool> succeeded, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(succeeded);
        if (db.Database.CurrentTransaction is not null)
        {
            var inner = await change().ConfigureAwait(false);
            if (succeeded(inner))
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            else
            {
                DropStagedRows();
            }

            return inner;
        }

        var attempted = false;
        Exception? fault = null;
        return await db.Database.CreateExecutionStrategy().ExecuteAsync(
            async token =>
            {
                // The change's entities were loaded before the transaction: a retry would run it again
                // over a tracker that takes the rolled-back saves for written ones (attack review of #20).
                // A transient fault therefore ends the request with nothing written, never half of it.
                if (attempted)
                {
                    // Carries the fault, so an unavailable database still answers 503 (DatabaseOutage).
                    throw new InvalidOperationException("A transient fault rolled the change and its audit row back; it is not retried.", fault);
                }

                attempted = true;
                await using var transaction = await db.Database.BeginTransactionAsync(token).ConfigureAwait(false);
                try
                {
                    var result = await change().ConfigureAwait(false);
                    if (!succeeded(result))
                    {
                        DropStagedRows();
                        return result;
                    }

                    await db.SaveChangesAsync(token).ConfigureAwait(false);
                    await transaction.CommitAsync(token).ConfigureAwait(false);
                    return result;
                }
                catch (Exception ex)
                {
                    // Rolled back: nothing the tracker holds is in the database any more.
                    db.ChangeTracker.Clear();
                    fault = ex;
                    throw;
                }
            },
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary><see cref="CommitAsync{T}"/> for a change that cannot be refused.</summary>
    public Task CommitAsync(Func<Task> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        return CommitAsync(
            async () =>
            {
                await change().ConfigureAwait(false);
                return true;
            },
            done => done,
            cancellationToken);
    }

    /// <summary>
    /// An event that is the whole of what happened (a look at an account, a search, an export):
    /// its row alone. Refuses to save a change staged beside it, which must go through
    /// <see cref="CommitAsync{T}"/> with its own row instead.
    /// </summary>
    public async Task WriteAsync(string action, Guid? subject, Guid? actor = null, string? detail = null, CancellationToken cancellationToken = default)
    {
        if (db.ChangeTracker.HasChanges())
        {
            throw new InvalidOperationException($"Audit event {action}: a change is staged beside it; record it with the change inside AuditLog.CommitAsync.");
        }

        Record(action, subject, actor, detail);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private void DropStagedRows()
    {
        foreach (var staged in db.ChangeTracker.Entries<AuditEntry>().Where(e => e.State == EntityState.Added).ToList())
        {
            staged.State = EntityState.Detached;
        }
    }
}
