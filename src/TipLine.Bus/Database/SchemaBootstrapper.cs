// Schema names in raw SQL come from our own EF model, never from input.
#pragma warning disable EF1002, EF1003

using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using System.Text.RegularExpressions;

namespace TipLine.Bus.Database;

/// <summary>
/// Creates a module's schema from its EF model. Each module owns one PostgreSQL schema; an
/// advisory lock keeps two processes from doing this at once. Statements run one by one and what
/// already exists is kept, so a release that adds tables, columns or indexes upgrades an existing
/// database. Changing or dropping an existing column needs a real migration; there is none yet.
/// </summary>
public static class SchemaBootstrapper
{
    private static readonly HashSet<string> AlreadyThere =
    [
        PostgresErrorCodes.DuplicateTable, PostgresErrorCodes.DuplicateSchema, PostgresErrorCodes.DuplicateObject,
        PostgresErrorCodes.DuplicateFunction,
    ];

    public static async Task EnsureSchemaAsync(this DbContext db, string? extraSql = null, CancellationToken ct = default)
    {
        var schema = db.Model.GetDefaultSchema() ?? throw new InvalidOperationException("Module contexts need a default schema.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7324611)", ct);
        var statements = new List<string> { $"CREATE SCHEMA IF NOT EXISTS \"{schema}\"" };
        // EF separates statements by a blank line; a DO $EF$ block has none inside it.
        statements.AddRange(Regex.Split(db.Database.GenerateCreateScript(), @"(?<=;)[ \t\r]*\n[ \t\r]*\n")
            .Select(s => s.Trim()).Where(s => s.Length > 0));
        if (extraSql is not null) statements.Add(extraSql);
        // An index on a column this release adds fails until the column is there: such statements run again after it is.
        var waiting = new List<string>();
        foreach (var statement in statements)
        {
            if (await RunKeepingWhatExistsAsync(db, statement, ct) == PostgresErrorCodes.UndefinedColumn) waiting.Add(statement);
        }
        var existing = (await db.Database.SqlQueryRaw<string>(
                "SELECT table_name || '.' || column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = {0}", schema)
            .ToListAsync(ct)).ToHashSet();
        foreach (var statement in AddMissingColumns(db.Model.GetRelationalModel(), existing)) await db.Database.ExecuteSqlRawAsync(statement, ct);
        foreach (var statement in waiting) await RunKeepingWhatExistsAsync(db, statement, ct, retry: true);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Runs one statement; what already exists is kept. Returns the SQL state of an error it set aside. It runs on the
    /// connection itself, so EF does not log an expected "already exists" as a failure on every start.
    /// </summary>
    private static async Task<string?> RunKeepingWhatExistsAsync(DbContext db, string statement, CancellationToken ct, bool retry = false)
    {
        await ExecuteAsync(db, "SAVEPOINT bootstrap", ct);
        try
        {
            await ExecuteAsync(db, statement, ct);
            return null;
        }
        catch (PostgresException e) when (AlreadyThere.Contains(e.SqlState) || (!retry && e.SqlState == PostgresErrorCodes.UndefinedColumn))
        {
            await ExecuteAsync(db, "ROLLBACK TO SAVEPOINT bootstrap", ct);
            return e.SqlState;
        }
    }

    private static async Task ExecuteAsync(DbContext db, string sql, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A column added to an existing table after a database was created. Rows already there get the column's default,
    /// or the zero of its type; a required column of another type needs a default in the model.
    /// </summary>
    private static IEnumerable<string> AddMissingColumns(IRelationalModel model, HashSet<string> existing) =>
        from table in model.Tables
        from column in table.Columns
        where !existing.Contains($"{table.Name}.{column.Name}")
        select $"ALTER TABLE \"{table.Schema}\".\"{table.Name}\" ADD COLUMN IF NOT EXISTS \"{column.Name}\" {column.StoreType}"
            + (column.IsNullable ? "" : $" NOT NULL DEFAULT {DefaultFor(table, column)}");

    private static string DefaultFor(ITable table, IColumn column)
    {
        if (column.DefaultValueSql is { } sql) return sql;
        if (column.DefaultValue is { } value) return Literal(value);
        return column.StoreType switch
        {
            "boolean" => "false",
            "smallint" or "integer" or "bigint" or "real" or "double precision" => "0",
            var t when t.StartsWith("numeric", StringComparison.Ordinal) => "0",
            "text" => "''",
            var t when t.StartsWith("character varying", StringComparison.Ordinal) => "''",
            _ => throw new InvalidOperationException(
                $"Column {table.Name}.{column.Name} ({column.StoreType}) is required: give it a default in the model so existing rows can have it."),
        };
    }

    private static string Literal(object value) => value switch
    {
        bool b => b ? "true" : "false",
        string s => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'",
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => "'" + value.ToString()!.Replace("'", "''", StringComparison.Ordinal) + "'",
    };
}
