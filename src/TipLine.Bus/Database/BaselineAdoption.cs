using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace TipLine.Bus.Database;

/// <summary>
/// Releases before migrations created each schema from the EF model at start-up, and brought it up to date on every
/// start. Such a schema (tables, no history table) is recognised and recorded as being at the module's first migration,
/// the baseline, so the migrations after it apply to it and its rows stay where they are.
/// </summary>
internal static class BaselineAdoption
{
    /// <summary>Runs under the migrate step's lock on the schema.</summary>
    public static async Task AdoptAsync(DbContext db, CancellationToken ct)
    {
        var schema = db.SchemaName();
        if (await db.HistoryExistsAsync(ct)) return;

        var existing = await ColumnsAsync(db, schema, ct);
        if (existing.Count == 0) return; // a new database: the migrations create everything

        var (baselineId, baselineModel) = Baseline(db);
        var missing = (from table in baselineModel.Tables
                       where table.Schema == schema
                       from column in table.Columns
                       let name = $"{table.Name}.{column.Name}"
                       where !existing.Contains(name)
                       select name).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                $"Schema '{schema}' was made by an earlier release but lacks {string.Join(", ", missing.Take(10))}"
                + $"{(missing.Count > 10 ? $" and {missing.Count - 10} more" : "")}. Start the last release before migrations "
                + "once (it completes its schema on start), then run the migrate step again.");
        }
        var history = db.GetService<IHistoryRepository>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), ct);
        await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baselineId, ProductInfo.GetVersion())), ct);
        await tx.CommitAsync(ct);
    }

    private static (string Id, Microsoft.EntityFrameworkCore.Metadata.IRelationalModel Model) Baseline(DbContext db)
    {
        var migrations = db.GetService<IMigrationsAssembly>();
        var (id, type) = migrations.Migrations.FirstOrDefault();
        if (id is null) throw new InvalidOperationException($"{db.GetType().Name} has no migrations.");
        var target = migrations.CreateMigration(type, db.Database.ProviderName!).TargetModel
            ?? throw new InvalidOperationException($"Migration {id} has no target model.");
        return (id, db.GetService<IModelRuntimeInitializer>().Initialize(target, designTime: true).GetRelationalModel());
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbContext db, string schema, CancellationToken ct) =>
        (await db.Database.SqlQueryRaw<string>(
                "SELECT table_name || '.' || column_name AS \"Value\" FROM information_schema.columns WHERE table_schema = {0}", schema)
            .ToListAsync(ct)).ToHashSet();
}
