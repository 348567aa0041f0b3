using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ShanxiIdentity.Web.Services.Retention;

/// <summary>
/// Deletes what is due a batch at a time: SQLite has one writer, so one statement over a million rows
/// would hold every sign-in's write for seconds; a batch holds it for milliseconds.
/// </summary>
public static class BatchDeletion
{
    /// <param name="due">The rows to delete.</param>
    /// <param name="key">Their key, for ordering and choosing each batch.</param>
    /// <param name="among">A row is in the batch (the batch of keys comes as a subquery: one statement a batch).</param>
    public static async Task<int> DeleteAsync<T, TKey>(
        IQueryable<T> due,
        Expression<Func<T, TKey>> key,
        Func<IQueryable<TKey>, Expression<Func<T, bool>>> among,
        int batchSize,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(among);
        var total = 0;
        while (true)
        {
            var batch = due.OrderBy(key).Select(key).Take(batchSize);
            var deleted = await due.Where(among(batch)).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
            total += deleted;
            if (deleted < batchSize)
            {
                return total;
            }
        }
    }
}
