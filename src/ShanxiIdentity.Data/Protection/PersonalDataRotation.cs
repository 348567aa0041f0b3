using System.Data.Common;
using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// Rewrites everything encrypted under a previous personal-data key under the current key: every encrypted column, the sealed provider keys, the
/// material scans and the Data Protection key ring. Each batch is one transaction, and a row
/// already under the current key is skipped, so the job can be stopped at any point and run
/// again to finish; an update only applies if the row still holds what was read (a row the
/// portal changed meanwhile is already under the current key).
/// </summary>
public static class PersonalDataRotation
{
    /// <summary>How far a run got: the rows rewritten, and whether it stopped at its batch limit before the end.</summary>
    public sealed record Outcome(int Rewritten, bool Complete);

    /// <param name="progress">Receives one line per batch ("table.column: n re-encrypted").</param>
    /// <param name="maxBatches">Stop after this many batches (null: run to the end).</param>
    public static async Task<Outcome> ReencryptAsync(PortalDbContext db, int batchSize, int? maxBatches, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(progress);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        var budget = maxBatches ?? int.MaxValue;
        var total = 0;

        var sql = db.GetService<ISqlGenerationHelper>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null || entity.FindPrimaryKey() is not { Properties: [var key] })
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties().Where(PersonalData.IsEncrypted))
            {
                var name = $"{table}.{property.GetColumnName(store)}";
                while (true)
                {
                    if (budget == 0)
                    {
                        return new Outcome(total, Complete: false);
                    }

                    var count = await RewriteColumnBatchAsync(
                        db,
                        sql.DelimitIdentifier(table, entity.GetSchema()),
                        sql.DelimitIdentifier(key.GetColumnName(store)!),
                        sql.DelimitIdentifier(property.GetColumnName(store)!),
                        batchSize,
                        cancellationToken).ConfigureAwait(false);
                    if (count == 0)
                    {
                        break;
                    }

                    budget--;
                    total += count;
                    progress($"{name}: {count} re-encrypted");
                }
            }
        }

        // Sealed binary values: no SQL filter can tell their key, so walk them by primary key.
        var steps = new (string Name, Func<int, object?, Task<(int Rewritten, object? Last)>> Batch)[]
        {
            ("ProviderKeys", (size, after) => ResealAsync(db, db.ProviderKeys, k => k.Id, (int?)after, size, k => k.SealedPrivateKey, (k, v) => k.SealedPrivateKey = v, SealPurpose.KeyRing, cancellationToken)),
            ("MaterialScans", (size, after) => ResealAsync(db, db.MaterialScans, s => s.Id, (Guid?)after, Math.Min(size, 20), s => s.Content, (s, v) => s.Content = v, SealPurpose.Scan, cancellationToken)),
            ("DataProtectionKeys", (size, after) => ResealKeyRingAsync(db, (int?)after, size, cancellationToken)),
        };
        foreach (var (name, batch) in steps)
        {
            object? last = null;
            while (true)
            {
                if (budget == 0)
                {
                    return new Outcome(total, Complete: false);
                }

                var (count, next) = await batch(batchSize, last).ConfigureAwait(false);
                if (next is null)
                {
                    break;
                }

                budget--;
                last = next;
                if (count > 0)
                {
                    total += count;
                    progress($"{name}: {count} re-encrypted");
                }
            }
        }

        return new Outcome(total, Complete: true);
    }

    private static async Task<int> RewriteColumnBatchAsync(PortalDbContext db, string table, string keyColumn, string column, int batchSize, CancellationToken cancellationToken)
    {
        var cipher = PersonalData.Cipher;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var batch = new List<(object Key, string Value)>();
            await using (var select = connection.CreateCommand())
            {
                select.CommandText = $"SELECT {keyColumn}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} NOT LIKE @current";
                Add(select, "@current", cipher.CurrentPrefix + "%");
                await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                while (batch.Count < batchSize && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    batch.Add((reader.GetValue(0), reader.GetString(1)));
                }
            }

            if (batch.Count == 0)
            {
                return 0;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            foreach (var (key, value) in batch)
            {
                await using var update = connection.CreateCommand();
                update.Transaction = transaction;
                update.CommandText = $"UPDATE {table} SET {column} = @value WHERE {keyColumn} = @key AND {column} = @old";
                Add(update, "@value", cipher.Protect(cipher.Unprotect(value)));
                Add(update, "@key", key);
                Add(update, "@old", value);
                await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return batch.Count;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>One batch of rows after <paramref name="after"/>; Last is null when there were none.</summary>
    private static async Task<(int Rewritten, object? Last)> ResealAsync<TEntity, TKey>(
        PortalDbContext db,
        IQueryable<TEntity> rows,
        System.Linq.Expressions.Expression<Func<TEntity, TKey>> keyOf,
        TKey? after,
        int batchSize,
        Func<TEntity, byte[]> read,
        Action<TEntity, byte[]> write,
        SealPurpose purpose,
        CancellationToken cancellationToken)
        where TEntity : class
        where TKey : struct, IComparable<TKey>
    {
        var query = rows;
        if (after is { } start)
        {
            var parameter = keyOf.Parameters[0];
            var greater = System.Linq.Expressions.Expression.GreaterThan(keyOf.Body, System.Linq.Expressions.Expression.Constant(start));
            query = query.Where(System.Linq.Expressions.Expression.Lambda<Func<TEntity, bool>>(greater, parameter));
        }

        db.ChangeTracker.Clear();
        var batch = await query.OrderBy(keyOf).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return (0, null);
        }

        var cipher = PersonalData.Cipher;
        var count = 0;
        foreach (var row in batch.Where(r => !cipher.IsSealedUnderCurrent(read(r))))
        {
            write(row, cipher.Seal(cipher.Open(read(row), purpose), purpose));
            count++;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var compiled = keyOf.Compile();
        return (count, compiled(batch[^1]));
    }

    private static async Task<(int Rewritten, object? Last)> ResealKeyRingAsync(PortalDbContext db, int? after, int batchSize, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var batch = await db.DataProtectionKeys.Where(k => after == null || k.Id > after).OrderBy(k => k.Id).Take(batchSize).ToListAsync(cancellationToken).ConfigureAwait(false);
        if (batch.Count == 0)
        {
            return (0, null);
        }

        var cipher = PersonalData.Cipher;
        var count = 0;
        foreach (var row in batch.Where(r => r.Xml is not null))
        {
            var xml = XElement.Parse(row.Xml!);
            var changed = false;
            foreach (var value in xml.Descendants("encryptedKey").Elements("value"))
            {
                var sealedKey = Convert.FromBase64String(value.Value);
                if (!cipher.IsSealedUnderCurrent(sealedKey))
                {
                    value.Value = Convert.ToBase64String(cipher.Seal(cipher.Open(sealedKey)));
                    changed = true;
                }
            }

            if (changed)
            {
                row.Xml = xml.ToString(SaveOptions.DisableFormatting);
                count++;
            }
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return (count, batch[^1].Id);
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
