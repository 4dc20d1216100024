using Npgsql;
using TipLine.IntegrationTests.Infrastructure;

namespace TipLine.IntegrationTests.Database;

/// <summary>What a database holds and how it is shaped, to compare an upgraded database with a new one.</summary>
public static class DatabaseInspection
{
    private const string TipLineSchemas = "('intake', 'routing', 'teams', 'directory', 'attachments')";

    /// <summary>Runs a plain SQL script (a pg_dump without psql commands) on a connection of its own.</summary>
    public static async Task RunScriptAsync(this AppDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Rows per table in every TipLine schema ("intake.reports" → 3), migration history left out.</summary>
    public static async Task<SortedDictionary<string, long>> RowCountsAsync(this AppDatabase database)
    {
        var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var table in await database.ListAsync($"""
            SELECT table_schema || '.' || table_name FROM information_schema.tables
            WHERE table_schema IN {TipLineSchemas} AND table_type = 'BASE TABLE' AND table_name <> '__EFMigrationsHistory'
            """))
        {
            var (schema, name) = (table.Split('.')[0], table.Split('.')[1]);
            counts[table] = await database.ScalarAsync<long>($"SELECT count(*) FROM \"{schema}\".\"{name}\"");
        }
        return counts;
    }

    /// <summary>Columns, indexes, constraints and triggers of every TipLine schema, one sorted line each.</summary>
    public static async Task<IReadOnlyList<string>> ShapeAsync(this AppDatabase database) =>
    [
        .. await database.ListAsync($"""
            SELECT concat_ws(' ', 'column', table_schema, table_name, column_name, data_type, character_maximum_length,
                             is_nullable, column_default, is_identity, identity_generation)
            FROM information_schema.columns WHERE table_schema IN {TipLineSchemas}
            UNION ALL
            SELECT concat_ws(' ', 'index', schemaname, indexdef) FROM pg_indexes WHERE schemaname IN {TipLineSchemas}
            UNION ALL
            SELECT concat_ws(' ', 'constraint', n.nspname, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname IN {TipLineSchemas}
            UNION ALL
            SELECT concat_ws(' ', 'trigger', pg_get_triggerdef(t.oid))
            FROM pg_trigger t JOIN pg_class r ON r.oid = t.tgrelid JOIN pg_namespace n ON n.oid = r.relnamespace
            WHERE n.nspname IN {TipLineSchemas} AND NOT t.tgisinternal
            ORDER BY 1
            """),
    ];

    private static async Task<List<string>> ListAsync(this AppDatabase database, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
