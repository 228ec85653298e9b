using System.Data.Common;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace Attest.Data;

/// <summary>
/// Inserts many rows of one entity type as multi-row INSERT statements in the caller's transaction, reading table, columns and value
/// conversions from the EF model, so each provider stores them exactly as EF would. For imports of tens of thousands of rows, where the
/// change tracker's per-row cost dominates. Rows go in as they are: no stamping, no guard, no audit — the caller sets organization,
/// version and times, and audits the import on its own record.
/// </summary>
internal static class BulkInsert
{
    /// <summary>Rows per PostgreSQL statement: well under its 65,535 parameters for tables of a few dozen columns.</summary>
    private const int RowsPerStatement = 400;

    public static async Task RunAsync<T>(AttestDbContext db, IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0) return;
        var transaction = db.Database.CurrentTransaction ?? throw new InvalidOperationException("A bulk insert runs inside the caller's transaction.");
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping(),
            Getter: p.GetGetter())).ToList();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) VALUES ";
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await db.Database.OpenConnectionAsync(cancellationToken);

        if (db.Kind == DatabaseKind.Sqlite)
        {
            // SQLite runs in-process, so round trips cost nothing; but Microsoft.Data.Sqlite looks each named parameter up one by one, so a
            // statement with thousands of them is slow. One prepared single-row statement, executed per row, is the fast path there.
            await using DbCommand single = connection.CreateCommand();
            single.Transaction = transaction.GetDbTransaction();
            single.CommandText = head + "(" + string.Join(", ", columns.Select((_, i) => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))) + ")";
            foreach (var row in rows)
            {
                single.Parameters.Clear();
                for (var c = 0; c < columns.Count; c++)
                {
                    var column = columns[c];
                    single.Parameters.Add(column.Mapping.CreateParameter(single, "@p" + c.ToString(System.Globalization.CultureInfo.InvariantCulture), column.Getter.GetClrValue(row),
                        column.Property.IsNullable));
                }
                await single.ExecuteNonQueryAsync(cancellationToken);
            }
            return;
        }
        if (connection is Npgsql.NpgsqlConnection npgsql)
        {
            // PostgreSQL's binary COPY: one stream, no SQL to parse, several times faster than INSERT for tens of thousands of rows.
            var copy = $"COPY {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)))}) FROM STDIN (FORMAT BINARY)";
            var converters = columns.Select(c => c.Mapping.Converter).ToList();
            await using var writer = await npgsql.BeginBinaryImportAsync(copy, cancellationToken);
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var c = 0; c < columns.Count; c++)
                {
                    var value = columns[c].Getter.GetClrValue(row);
                    if (value is not null && converters[c] is { } converter) value = converter.ConvertToProvider(value);
                    if (value is null) await writer.WriteNullAsync(cancellationToken);
                    else await writer.WriteAsync(value, cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
            return;
        }
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            await using DbCommand command = connection.CreateCommand();
            command.Transaction = transaction.GetDbTransaction();
            var text = new StringBuilder(head, head.Length + count * columns.Count * 8);
            var index = 0;
            for (var r = 0; r < count; r++)
            {
                var row = rows[start + r];
                text.Append(r == 0 ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = "@p" + index++.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (c > 0) text.Append(", ");
                    text.Append(name);
                    var column = columns[c];
                    command.Parameters.Add(column.Mapping.CreateParameter(command, name, column.Getter.GetClrValue(row), column.Property.IsNullable));
                }
                text.Append(')');
            }
            command.CommandText = text.ToString();
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
