using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace ShanxiIdentity.Data.Protection;

/// <summary>
/// Encrypts the personal-data columns of rows written before encryption existed, and moves values
/// of the first encrypted layout (<c>v1:</c>, no key id) to the current one. Runs after the
/// schema migrations, in SQL through ADO.NET (EF would convert the values it compares), over every
/// column the model marks as encrypted (<see cref="PersonalData.Annotation"/>); idempotent, so a
/// rerun after an interruption finishes the job.
/// </summary>
public static class PersonalDataMigration
{
    private const int BatchSize = 500;

    /// <summary>The number of values encrypted.</summary>
    public static async Task<int> EncryptLegacyRowsAsync(PortalDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var total = 0;
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
                var column = sql.DelimitIdentifier(property.GetColumnName(store)!);
                var keyColumn = sql.DelimitIdentifier(key.GetColumnName(store)!);
                var from = sql.DelimitIdentifier(table, entity.GetSchema());
                total += await EncryptColumnAsync(db, from, keyColumn, column, cancellationToken).ConfigureAwait(false);
            }
        }

        return total;
    }

    private static async Task<int> EncryptColumnAsync(PortalDbContext db, string table, string keyColumn, string column, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var count = 0;
            while (true)
            {
                var batch = new List<(object Key, string Value)>();
                await using (var select = connection.CreateCommand())
                {
                    select.CommandText = $"SELECT {keyColumn}, {column} FROM {table} WHERE {column} IS NOT NULL AND {column} NOT LIKE '{PersonalDataCipher.VersionPrefix}%'";
                    await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    while (batch.Count < BatchSize && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        batch.Add((reader.GetValue(0), reader.GetString(1)));
                    }
                }

                if (batch.Count == 0)
                {
                    return count;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                foreach (var (key, value) in batch)
                {
                    await using var update = connection.CreateCommand();
                    update.Transaction = transaction;
                    update.CommandText = $"UPDATE {table} SET {column} = @value WHERE {keyColumn} = @key";
                    Add(update, "@value", PersonalData.Cipher.Protect(PersonalData.Cipher.Unprotect(value)));
                    Add(update, "@key", key);
                    await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                count += batch.Count;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
