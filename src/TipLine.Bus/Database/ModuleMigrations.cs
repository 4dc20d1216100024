using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace TipLine.Bus.Database;

/// <summary>
/// Each module owns one PostgreSQL schema and its own EF Core migrations, with the history table in that schema.
/// Only the migrate step changes a schema; a running module only checks that its schema is current.
/// </summary>
public static class ModuleMigrations
{
    /// <summary>Applies what is pending (adopting a schema an earlier release made without migrations); returns what it applied.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(this DbContext db, CancellationToken ct = default)
    {
        // One migrate step per schema at a time: a second one started alongside waits, then finds nothing to do.
        var schema = db.SchemaName();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock(hashtext('tipline.migrate.' || {schema}))", ct);
            await BaselineAdoption.AdoptAsync(db, ct);
            var pending = await PendingAsync(db, ct);
            if (pending.Count > 0) await db.Database.MigrateAsync(ct);
            return pending;
        }
        finally
        {
            try
            {
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock(hashtext('tipline.migrate.' || {schema}))", CancellationToken.None);
            }
            catch (System.Data.Common.DbException)
            {
                // The connection itself failed: closing it releases the lock, and the first error is the one to report.
            }
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Throws <see cref="SchemaNotCurrentException"/> when this release's migrations are not all applied.</summary>
    public static async Task EnsureCurrentAsync(this DbContext db, CancellationToken ct = default)
    {
        var pending = await PendingAsync(db, ct);
        if (pending.Count > 0) throw new SchemaNotCurrentException(db.SchemaName(), pending);
    }

    private static async Task<List<string>> PendingAsync(DbContext db, CancellationToken ct) => await db.HistoryExistsAsync(ct)
        ? (await db.Database.GetPendingMigrationsAsync(ct)).ToList()
        : db.Database.GetMigrations().ToList();

    /// <summary>Asked of the catalog: EF's own check reads the history table and logs a failure where there is none.</summary>
    internal static async Task<bool> HistoryExistsAsync(this DbContext db, CancellationToken ct)
    {
        var schema = db.SchemaName();
        return (await db.Database.SqlQuery<bool>(
                $"SELECT to_regclass(format('%I.%I', {schema}, {ModuleDatabase.HistoryTable})) IS NOT NULL AS \"Value\"")
            .ToListAsync(ct)).Single();
    }

    internal static string SchemaName(this DbContext db) =>
        db.Model.GetDefaultSchema() ?? throw new InvalidOperationException($"{db.GetType().Name} needs a default schema.");
}
